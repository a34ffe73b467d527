/** Every lab and CLI preset, looked up by id or name. */
import type { LabId } from '../schemas'
import { optimizersMnistLab } from './optimizers-mnist'
import type { LabDefinition, Preset } from './types'

export const LABS: Partial<Record<LabId, LabDefinition>> = {
  'optimizers-mnist': optimizersMnistLab as unknown as LabDefinition,
}

export const PRESETS: Preset[] = [
  { name: 'optimizers-mnist', labId: 'optimizers-mnist', description: "Lab 2: SGD, Momentum, AdaGrad, Adam on MNIST (book's settings)", params: {} },
]

export function getLab(id: LabId): LabDefinition | undefined {
  return LABS[id]
}

export function getPreset(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name)
}

export * from './types'
export { ParamError, findKey } from './keys'
