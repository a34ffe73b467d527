/** Lab 2, optimizer_compare_mnist: optimizers raced on MNIST from the same weights and batches. */
import { z } from 'zod'
import { OptimizerSchema, type RunSpec } from '../../shared/schemas'
import { ActivationSchema, InitSchema, defaultOptimizer, initKey, optimizerHyperKeys, optimizersKey, seedField, widthsField, checkEvalEvery } from '../common'
import { enumKey, intKey, widthsKey } from '../keys'
import type { RunLab } from '../types'

export const OptimizersMnistParamsSchema = z.object({
  hidden: widthsField([100, 100, 100, 100]),
  activation: ActivationSchema.default('relu'),
  init: InitSchema.default({ kind: 'he' }),
  optimizers: z
    .array(OptimizerSchema)
    .min(1, 'choose at least one optimizer')
    .refine((l) => new Set(l.map((o) => o.kind)).size === l.length, 'each optimizer may race once')
    .default(() => (['sgd', 'momentum', 'adagrad', 'adam'] as const).map(defaultOptimizer)),
  batchSize: z.number().int().positive().max(8000).default(128),
  iterations: z.number().int().positive().max(100_000).default(2000),
  /** Accuracy on the train and test sets every this many iterations (and at 0 and the end). */
  evalEvery: z.number().int().positive().default(500),
  seed: seedField,
}).superRefine((p, ctx) => checkEvalEvery(p.evalEvery, p.iterations, ctx))
export type OptimizersMnistParams = z.infer<typeof OptimizersMnistParamsSchema>

export const optimizersMnistLab: RunLab<typeof OptimizersMnistParamsSchema, 'optimizers-mnist'> = {
  id: 'optimizers-mnist',
  term: 'parameterUpdate',
  presets: [
    { name: 'optimizers-mnist', description: "Lab 2: SGD, Momentum, AdaGrad, Adam on MNIST (book's settings)", params: {} },
  ],
  kind: 'runs',
  schema: OptimizersMnistParamsSchema,
  keys: [
    intKey('iterations', 'training iterations per optimizer (book: 2000)'),
    intKey('batchSize', 'mini-batch size (book: 128)'),
    intKey('evalEvery', 'evaluate train/test accuracy every N iterations'),
    widthsKey('hidden'),
    enumKey('activation', 'activation of every hidden layer', ActivationSchema.options),
    initKey,
    optimizersKey,
    ...optimizerHyperKeys,
  ],
  defaultName: (p) => `Optimizers on MNIST: ${p.optimizers.map((o) => o.kind).join(', ')}`,
  plan: (p) =>
    p.optimizers.map((optimizer) => {
      const spec: RunSpec = {
        network: {
          hidden: p.hidden.map((width) => ({ width, batchNorm: false, activation: p.activation, dropout: 0 })),
          init: p.init,
          weightDecay: 0,
          dropoutMode: 'book',
          bias: true,
        },
        optimizer,
        data: { source: { kind: 'builtin-mnist' }, validationSplit: 0 },
        batchSize: p.batchSize,
        budget: { unit: 'iterations', count: p.iterations },
        sampling: 'replacement',
        evalEvery: p.evalEvery,
        recordLoss: true,
        seed: p.seed,
        divergenceFactor: 3,
      }
      const { kind, ...hyperparameters } = optimizer
      return { label: kind, meta: { optimizer: kind, hyperparameters }, spec }
    }),
}
