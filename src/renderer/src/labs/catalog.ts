/** The eight labs of LAB-SPEC, in the lesson's order: route, message key, and whether the page exists yet. */
import type { LabId } from '../lib/contract'

export type LabKey = 'paths2d' | 'optimizersMnist' | 'initHistograms' | 'initMnist' | 'batchnorm' | 'overfit' | 'randomSearch' | 'builder'

/** Which part of the lesson a lab belongs to (a `terms.*` message key). */
export type LessonTerm = 'parameterUpdate' | 'initialWeights' | 'batchNorm' | 'overfitting' | 'hyperparameter'

export interface LabEntry {
  id: LabId
  n: number
  key: LabKey
  term: LessonTerm
  path: string
  built: boolean
}

export const LAB_CATALOG: readonly LabEntry[] = [
  { id: 'paths-2d', n: 1, key: 'paths2d', term: 'parameterUpdate', path: '/labs/paths-2d', built: true },
  { id: 'optimizers-mnist', n: 2, key: 'optimizersMnist', term: 'parameterUpdate', path: '/labs/optimizers-mnist', built: true },
  { id: 'init-histograms', n: 3, key: 'initHistograms', term: 'initialWeights', path: '/labs/init-histograms', built: true },
  { id: 'init-mnist', n: 4, key: 'initMnist', term: 'initialWeights', path: '/labs/init-mnist', built: true },
  { id: 'batchnorm', n: 5, key: 'batchnorm', term: 'batchNorm', path: '/labs/batchnorm', built: true },
  { id: 'overfit', n: 6, key: 'overfit', term: 'overfitting', path: '/labs/overfit', built: true },
  { id: 'random-search', n: 7, key: 'randomSearch', term: 'hyperparameter', path: '/labs/random-search', built: true },
  { id: 'builder', n: 8, key: 'builder', term: 'hyperparameter', path: '/labs/builder', built: true },
]

export function labEntry(id: LabId): LabEntry {
  const entry = LAB_CATALOG.find((l) => l.id === id)
  if (!entry) throw new Error(`unknown lab '${id}'`)
  return entry
}
