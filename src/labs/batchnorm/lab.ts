/** Lab 5, batch_norm_test: 16 weight scales, each trained with and without BatchNorm from the same weights. */
import { z } from 'zod'
import { evenIndices, logspace, seedField } from '../common'
import { runLab } from '../define'
import { intKey } from '../keys'
import { epochFields, epochKeys, mnistRun, sgdLrKey, stackFields, stackKeys, stackNetwork } from '../mnist'

export const BN_SCALES = logspace(0, -4, 16)

export const BatchnormParamsSchema = z.object({
  ...stackFields([100, 100, 100, 100, 100]),
  ...epochFields({ trainSize: 1000, epochs: 20 }),
  /** How many of the 16 scales of logspace(0, −4, 16), taken evenly. */
  scales: z.number().int().min(1).max(16).default(16),
  seed: seedField,
})
export type BatchnormParams = z.infer<typeof BatchnormParamsSchema>

export const batchnormLab = runLab('batchnorm', 'batchNorm', BatchnormParamsSchema, {
  book: 'Lab 5: 16 weight scales, with and without batch normalization',
  keys: [...epochKeys({ trainSize: '1000', epochs: '20' }), intKey('scales', 'how many of the 16 weight scales, taken evenly (book: 16)'), sgdLrKey, ...stackKeys],
  defaultName: (p) => `Batch normalization: ${p.scales} weight scales × with/without BN`,
  plan: (p) =>
    evenIndices(BN_SCALES.length, p.scales).flatMap((scaleIndex) => {
      const std = BN_SCALES[scaleIndex]!
      return [true, false].map((batchNorm) => {
        const spec = {
          ...mnistRun(stackNetwork(p, { kind: 'std', std }, { batchNorm }), { kind: 'sgd', lr: p.lr }, { ...p, budget: { unit: 'epochs', count: p.epochs } }),
          // The book's figure keeps every scale: a net that blows up without BN stays at chance.
          stopOnDivergence: false,
        }
        const label = `w=${std.toPrecision(3)} ${batchNorm ? 'BN' : 'no BN'}`
        return { label, meta: { scaleIndex, scale: std, batchNorm, optimizer: 'sgd', hyperparameters: { lr: p.lr } }, spec }
      })
    }),
})
