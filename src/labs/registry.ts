/**
 * The one list of labs, in the lesson's order (lab n is entry n). Everything else derives from it:
 * the lab ids and their schema, the service's lab table, the CLI presets, and in the renderer the
 * routes, the sidebar and home catalog, the forms and the result views (each lab's ui/ folder,
 * found by its id). Adding a lab: a folder src/labs/<id>/ and one line here.
 */
import { z } from 'zod'
import { batchnormLab } from './batchnorm/lab'
import { builderLab } from './builder/lab'
import { initHistogramsLab } from './init-histograms/lab'
import { initMnistLab } from './init-mnist/lab'
import { optimizersMnistLab } from './optimizers-mnist/lab'
import { overfitLab } from './overfit/lab'
import { paths2dLab } from './paths-2d/lab'
import { randomSearchLab } from './random-search/lab'
import type { LabDefinition, Preset } from './types'

const DEFINITIONS = [
  paths2dLab,
  optimizersMnistLab,
  initHistogramsLab,
  initMnistLab,
  batchnormLab,
  overfitLab,
  randomSearchLab,
  builderLab,
] as const

export type LabId = (typeof DEFINITIONS)[number]['id']
export const LAB_IDS = DEFINITIONS.map((l) => l.id) as [LabId, ...LabId[]]
export const LabIdSchema = z.enum(LAB_IDS)

/** The labs in order (a lab's params type is erased here; its own lab.ts keeps it). */
export const LABS = DEFINITIONS as unknown as readonly LabDefinition[]

export const PRESETS: Preset[] = LABS.flatMap((lab) => lab.presets.map((p) => ({ ...p, labId: lab.id })))

export function getLab(id: LabId): LabDefinition | undefined {
  return LABS.find((l) => l.id === id)
}

/** The lab's number in the lesson (1-based), as the book's figures and the UI's "Lab n" use it. */
export function labNumber(id: LabId): number {
  return LABS.findIndex((l) => l.id === id) + 1
}

export function getPreset(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name)
}

export * from './types'
export { ParamError, findKey } from './keys'
