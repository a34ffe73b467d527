/** Lab 5, batch_norm_test: 16 weight scales, each trained with and without BatchNorm from the same weights. */
import { z } from 'zod'
import { ActivationSchema, type RunSpec } from '../../shared/schemas'
import { blocks, evenIndices, logspace, seedField, widthsField } from '../common'
import { enumKey, intKey, numberKey, widthsKey } from '../keys'
import type { RunLab } from '../types'

export const BN_SCALES = logspace(0, -4, 16)

export const BatchnormParamsSchema = z.object({
  hidden: widthsField([100, 100, 100, 100, 100]),
  activation: ActivationSchema.default('relu'),
  trainSize: z.number().int().positive().max(60_000).default(1000),
  lr: z.number().positive('lr must be > 0').default(0.01),
  batchSize: z.number().int().positive().default(100),
  epochs: z.number().int().positive().max(10_000).default(20),
  /** How many of the 16 scales of logspace(0, −4, 16), taken evenly. */
  scales: z.number().int().min(1).max(16).default(16),
  seed: seedField,
})
export type BatchnormParams = z.infer<typeof BatchnormParamsSchema>

export const batchnormLab: RunLab<typeof BatchnormParamsSchema, 'batchnorm'> = {
  id: 'batchnorm',
  term: 'batchNorm',
  presets: [
    { name: 'batchnorm', description: 'Lab 5: 16 weight scales, with and without batch normalization', params: {} },
  ],
  kind: 'runs',
  schema: BatchnormParamsSchema,
  keys: [
    intKey('epochs', 'epochs (book: 20)'),
    intKey('trainSize', 'training samples (book: 1000)'),
    intKey('batchSize', 'mini-batch size (book: 100)'),
    intKey('scales', 'how many of the 16 weight scales, taken evenly (book: 16)'),
    numberKey('lr', 'SGD learning rate (book: 0.01)', { positive: true }),
    widthsKey('hidden'),
    enumKey('activation', 'activation of every hidden layer', ActivationSchema.options),
  ],
  defaultName: (p) => `Batch normalization: ${p.scales} weight scales × with/without BN`,
  plan: (p) =>
    evenIndices(BN_SCALES.length, p.scales).flatMap((scaleIndex) => {
      const std = BN_SCALES[scaleIndex]!
      return [true, false].map((batchNorm) => {
        const spec: RunSpec = {
          network: { hidden: blocks(p.hidden, p.activation, { batchNorm }), init: { kind: 'std', std }, weightDecay: 0, dropoutMode: 'book', bias: true },
          optimizer: { kind: 'sgd', lr: p.lr },
          data: { source: { kind: 'builtin-mnist' }, trainSize: p.trainSize, validationSplit: 0 },
          batchSize: p.batchSize,
          budget: { unit: 'epochs', count: p.epochs },
          sampling: 'replacement',
          recordLoss: true,
          seed: p.seed,
          divergenceFactor: 3,
          // The book's figure keeps every scale: a net that blows up without BN stays at chance.
          stopOnDivergence: false,
        }
        const label = `w=${std.toPrecision(3)} ${batchNorm ? 'BN' : 'no BN'}`
        return { label, meta: { scaleIndex, scale: std, batchNorm, optimizer: 'sgd', hyperparameters: { lr: p.lr } }, spec }
      })
    }),
}
