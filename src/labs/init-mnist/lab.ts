/** Lab 4, weight_init_compare: std 0.01, Xavier and He on MNIST with SGD, paired. */
import { z } from 'zod'
import { ActivationSchema, InitSchema, type RunSpec } from '../../shared/schemas'
import { blocks, initLabel, initsKey, seedField, widthsField, checkEvalEvery } from '../common'
import { enumKey, intKey, numberKey, widthsKey } from '../keys'
import type { RunLab } from '../types'

export const InitMnistParamsSchema = z.object({
  hidden: widthsField([100, 100, 100, 100]),
  activation: ActivationSchema.default('relu'),
  inits: z.array(InitSchema).min(1, 'choose at least one init').max(12, 'at most 12 inits').default([{ kind: 'std', std: 0.01 }, { kind: 'xavier' }, { kind: 'he' }]),
  lr: z.number().positive('lr must be > 0').default(0.01),
  batchSize: z.number().int().positive().max(8000).default(128),
  iterations: z.number().int().positive().max(100_000).default(2000),
  evalEvery: z.number().int().positive().default(500),
  seed: seedField,
}).superRefine((p, ctx) => checkEvalEvery(p.evalEvery, p.iterations, ctx))
export type InitMnistParams = z.infer<typeof InitMnistParamsSchema>

export const initMnistLab: RunLab<typeof InitMnistParamsSchema, 'init-mnist'> = {
  id: 'init-mnist',
  term: 'initialWeights',
  presets: [
    { name: 'init-mnist', description: 'Lab 4: std 0.01, Xavier and He on MNIST with SGD', params: {} },
  ],
  kind: 'runs',
  schema: InitMnistParamsSchema,
  keys: [
    intKey('iterations', 'training iterations per init (book: 2000)'),
    intKey('batchSize', 'mini-batch size (book: 128)'),
    intKey('evalEvery', 'evaluate train/test accuracy every N iterations'),
    numberKey('lr', 'SGD learning rate (book: 0.01)', { positive: true }),
    widthsKey('hidden'),
    enumKey('activation', 'activation of every hidden layer', ActivationSchema.options),
    initsKey('inits'),
    initsKey('init'),
  ],
  defaultName: (p) => `Init on MNIST: ${p.inits.map(initLabel).join(', ')}`,
  plan: (p) =>
    p.inits.map((init) => {
      const spec: RunSpec = {
        network: { hidden: blocks(p.hidden, p.activation), init, weightDecay: 0, dropoutMode: 'book', bias: true },
        optimizer: { kind: 'sgd', lr: p.lr },
        data: { source: { kind: 'builtin-mnist' }, validationSplit: 0 },
        batchSize: p.batchSize,
        budget: { unit: 'iterations', count: p.iterations },
        sampling: 'replacement',
        evalEvery: p.evalEvery,
        recordLoss: true,
        seed: p.seed,
        divergenceFactor: 3,
      }
      return { label: initLabel(init), meta: { init, optimizer: 'sgd', hyperparameters: { lr: p.lr } }, spec }
    }),
}
