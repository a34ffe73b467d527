/** Facts about a run that follow from its spec alone: how many samples it trains on, iterations per epoch, planned iterations. */
import { itersPerEpoch, maxIterations, type RunSpec } from './contract'

/** Training samples of the built-in MNIST when a spec takes them all. */
const BUILTIN_TRAIN = 8000

/** Samples trained on after the validation hold-out (as engine/data.ts splits them); null when unknown. */
export function trainRows(spec: RunSpec): number | null {
  const n = spec.data.trainSize ?? (spec.data.source.kind === 'builtin-mnist' ? BUILTIN_TRAIN : null)
  if (n === null) return null
  return n - Math.trunc(n * (spec.data.validationSplit ?? 0))
}

/** The book's iter_per_epoch for this run (train rows / batch size, at least 1); null when the rows are unknown. */
export function runItersPerEpoch(spec: RunSpec): number | null {
  const rows = trainRows(spec)
  return rows === null ? null : itersPerEpoch(rows, spec.batchSize ?? 100)
}

/** Planned iterations: the iteration budget, or epochs × iterations per epoch (0 when unknown). */
export function plannedIterations(spec: RunSpec): number {
  if (spec.budget.unit === 'iterations') return spec.budget.count
  const perEpoch = runItersPerEpoch(spec)
  return perEpoch === null ? 0 : maxIterations(spec.budget, perEpoch)
}
