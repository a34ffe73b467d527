/** Lab 4, weight_init_compare: std 0.01, Xavier and He on MNIST with SGD, paired. */
import { z } from 'zod'
import { InitSchema } from '../../shared/schemas'
import { checkEvalEvery, initLabel, initsKey } from '../common'
import { runLab } from '../define'
import { iterationFields, iterationKeys, mnistRun, sgdLrKey, stackFields, stackKeys, stackNetwork } from '../mnist'

export const InitMnistParamsSchema = z.object({
  ...stackFields([100, 100, 100, 100]),
  inits: z.array(InitSchema).min(1, 'choose at least one init').max(12, 'at most 12 inits').default([{ kind: 'std', std: 0.01 }, { kind: 'xavier' }, { kind: 'he' }]),
  lr: z.number().positive('lr must be > 0').default(0.01),
  ...iterationFields,
}).superRefine((p, ctx) => checkEvalEvery(p.evalEvery, p.iterations, ctx))
export type InitMnistParams = z.infer<typeof InitMnistParamsSchema>

export const initMnistLab = runLab('init-mnist', 'initialWeights', InitMnistParamsSchema, {
  book: 'Lab 4: std 0.01, Xavier and He on MNIST with SGD',
  keys: [...iterationKeys('init'), sgdLrKey, ...stackKeys, initsKey('inits'), initsKey('init')],
  defaultName: (p) => `Init on MNIST: ${p.inits.map(initLabel).join(', ')}`,
  plan: (p) =>
    p.inits.map((init) => {
      const spec = mnistRun(stackNetwork(p, init), { kind: 'sgd', lr: p.lr }, { ...p, budget: { unit: 'iterations', count: p.iterations } })
      return { label: initLabel(init), meta: { init, optimizer: 'sgd', hyperparameters: { lr: p.lr } }, spec }
    }),
})
