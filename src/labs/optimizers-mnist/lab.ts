/** Lab 2, optimizer_compare_mnist: optimizers raced on MNIST from the same weights and batches. */
import { z } from 'zod'
import { InitSchema, OptimizerSchema } from '../../shared/schemas'
import { checkEvalEvery, defaultOptimizer, initKey, optimizerHyperKeys, optimizersKey } from '../common'
import { runLab } from '../define'
import { iterationFields, iterationKeys, mnistRun, stackFields, stackKeys, stackNetwork } from '../mnist'

export const OptimizersMnistParamsSchema = z.object({
  ...stackFields([100, 100, 100, 100]),
  init: InitSchema.default({ kind: 'he' }),
  optimizers: z
    .array(OptimizerSchema)
    .min(1, 'choose at least one optimizer')
    .refine((l) => new Set(l.map((o) => o.kind)).size === l.length, 'each optimizer may race once')
    .default(() => (['sgd', 'momentum', 'adagrad', 'adam'] as const).map(defaultOptimizer)),
  ...iterationFields,
}).superRefine((p, ctx) => checkEvalEvery(p.evalEvery, p.iterations, ctx))
export type OptimizersMnistParams = z.infer<typeof OptimizersMnistParamsSchema>

export const optimizersMnistLab = runLab('optimizers-mnist', 'parameterUpdate', OptimizersMnistParamsSchema, {
  book: "Lab 2: SGD, Momentum, AdaGrad, Adam on MNIST (book's settings)",
  keys: [...iterationKeys('optimizer'), ...stackKeys, initKey, optimizersKey, ...optimizerHyperKeys],
  defaultName: (p) => `Optimizers on MNIST: ${p.optimizers.map((o) => o.kind).join(', ')}`,
  plan: (p) =>
    p.optimizers.map((optimizer) => {
      const spec = mnistRun(stackNetwork(p, p.init), optimizer, { ...p, budget: { unit: 'iterations', count: p.iterations } })
      const { kind, ...hyperparameters } = optimizer
      return { label: kind, meta: { optimizer: kind, hyperparameters }, spec }
    }),
})
