/** Every lab and CLI preset, looked up by id or name. */
import type { LabId } from '../schemas'
import { batchnormLab } from './batchnorm'
import { builderLab } from './builder'
import { initHistogramsLab } from './init-histograms'
import { initMnistLab } from './init-mnist'
import { optimizersMnistLab } from './optimizers-mnist'
import { OVERFIT_DROPOUT_DEFAULTS, overfitLab } from './overfit'
import { paths2dLab } from './paths-2d'
import { randomSearchLab } from './random-search'
import type { LabDefinition, Preset } from './types'

/** The lab table (a lab's params type is erased here; each lab's file keeps it). */
export const LABS: Partial<Record<LabId, LabDefinition>> = {
  'paths-2d': paths2dLab as unknown as LabDefinition,
  'optimizers-mnist': optimizersMnistLab as unknown as LabDefinition,
  'init-histograms': initHistogramsLab as unknown as LabDefinition,
  'init-mnist': initMnistLab as unknown as LabDefinition,
  batchnorm: batchnormLab as unknown as LabDefinition,
  overfit: overfitLab as unknown as LabDefinition,
  'random-search': randomSearchLab as unknown as LabDefinition,
  builder: builderLab as unknown as LabDefinition,
}

export const PRESETS: Preset[] = [
  { name: 'paths-2d', labId: 'paths-2d', description: 'Lab 1: optimizer paths on f = x²/20 + y² from (−7, 2), 30 steps', params: {} },
  { name: 'optimizers-mnist', labId: 'optimizers-mnist', description: "Lab 2: SGD, Momentum, AdaGrad, Adam on MNIST (book's settings)", params: {} },
  { name: 'init-histograms', labId: 'init-histograms', description: 'Lab 3: activation histograms for every init × activation', params: {} },
  { name: 'init-mnist', labId: 'init-mnist', description: 'Lab 4: std 0.01, Xavier and He on MNIST with SGD', params: {} },
  { name: 'batchnorm', labId: 'batchnorm', description: 'Lab 5: 16 weight scales, with and without batch normalization', params: {} },
  { name: 'overfit-weight-decay', labId: 'overfit', description: 'Lab 6: 300 samples, 6×100, 201 epochs, weight decay λ 0 vs 0.1', params: {} },
  { name: 'overfit-dropout', labId: 'overfit', description: 'Lab 6: 300 samples, 7×100, 301 epochs, dropout 0 vs 0.2', params: { ...OVERFIT_DROPOUT_DEFAULTS, hidden: [...OVERFIT_DROPOUT_DEFAULTS.hidden] } },
  { name: 'random-search', labId: 'random-search', description: 'Lab 7: 100 trials, lr 10^U(−6,−2) × weight decay 10^U(−8,−4), 6×100, 50 epochs on 400 + 100 validation', params: {} },
  { name: 'builder', labId: 'builder', description: 'Lab 8: your own network (default 784-100-100-10 ReLU, SGD 0.01, 5 epochs on the built-in MNIST)', params: {} },
]

export function getLab(id: LabId): LabDefinition | undefined {
  return LABS[id]
}

export function getPreset(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name)
}

export * from './types'
export { ParamError, findKey } from './keys'
