/**
 * Lab 6, overfit_weight_decay and overfit_dropout: 300 training samples, a deep net, train and
 * test accuracy per epoch; the same run without and with the cure, paired.
 */
import { z } from 'zod'
import { seedField } from '../common'
import { runLab } from '../define'
import { enumKey, numberKey } from '../keys'
import { epochFields, epochKeys, mnistRun, sgdLrKey, stackFields, stackKeys, stackNetwork } from '../mnist'

export const OverfitParamsSchema = z.object({
  cure: z.enum(['weight-decay', 'dropout']).default('weight-decay'),
  ...stackFields([100, 100, 100, 100, 100, 100]),
  ...epochFields({ trainSize: 300, epochs: 201 }),
  /** Weight decay λ of the cured run (book: 0.1). */
  lambda: z.number().positive('lambda must be > 0').default(0.1),
  /** Dropout ratio of the cured run (book: 0.2). */
  dropout: z.number().gt(0, 'dropout must be > 0').lt(1, 'dropout must be < 1').default(0.2),
  dropoutMode: z.enum(['book', 'inverted']).default('book'),
  seed: seedField,
})
export type OverfitParams = z.infer<typeof OverfitParamsSchema>

export const OVERFIT_DROPOUT_DEFAULTS = { cure: 'dropout', hidden: [100, 100, 100, 100, 100, 100, 100], epochs: 301 } as const

export const overfitLab = runLab('overfit', 'overfitting', OverfitParamsSchema, {
  presets: [
    { name: 'overfit-weight-decay', description: 'Lab 6: 300 samples, 6×100, 201 epochs, weight decay λ 0 vs 0.1', params: {} },
    { name: 'overfit-dropout', description: 'Lab 6: 300 samples, 7×100, 301 epochs, dropout 0 vs 0.2', params: { ...OVERFIT_DROPOUT_DEFAULTS, hidden: [...OVERFIT_DROPOUT_DEFAULTS.hidden] } },
  ],
  keys: [
    enumKey('cure', 'the cure compared with no cure', ['weight-decay', 'dropout']),
    ...epochKeys({ trainSize: '300', epochs: '201 for weight decay, 301 for dropout' }),
    sgdLrKey,
    numberKey('lambda', 'weight decay λ of the cured run (book: 0.1)', { positive: true }),
    numberKey('dropout', 'dropout ratio of the cured run (book: 0.2)', { positive: true }),
    enumKey('dropoutMode', "dropout form: the book's or inverted", ['book', 'inverted']),
    ...stackKeys,
  ],
  defaultName: (p) => (p.cure === 'weight-decay' ? `Overfitting: weight decay λ=${p.lambda} vs none` : `Overfitting: dropout ${p.dropout} vs none`),
  plan: (p) =>
    [false, true].map((cured) => {
      const weightDecay = cured && p.cure === 'weight-decay' ? p.lambda : 0
      const dropout = cured && p.cure === 'dropout' ? p.dropout : 0
      const network = stackNetwork(p, { kind: 'he' }, { dropout, weightDecay, dropoutMode: p.dropoutMode })
      const spec = mnistRun(network, { kind: 'sgd', lr: p.lr }, { ...p, budget: { unit: 'epochs', count: p.epochs } })
      const label = !cured ? 'no cure' : p.cure === 'weight-decay' ? `λ = ${p.lambda}` : `dropout ${p.dropout}`
      return { label, meta: { cured, cure: p.cure, weightDecay, dropout, optimizer: 'sgd', hyperparameters: { lr: p.lr } }, spec }
    }),
})
