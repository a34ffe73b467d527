/**
 * Lab 6, overfit_weight_decay and overfit_dropout: 300 training samples, a deep net, train and
 * test accuracy per epoch; the same run without and with the cure, paired.
 */
import { z } from 'zod'
import { ActivationSchema, type RunSpec } from '../../shared/schemas'
import { blocks, seedField, widthsField } from '../common'
import { enumKey, intKey, numberKey, widthsKey } from '../keys'
import type { RunLab } from '../types'

export const OverfitParamsSchema = z.object({
  cure: z.enum(['weight-decay', 'dropout']).default('weight-decay'),
  hidden: widthsField([100, 100, 100, 100, 100, 100]),
  activation: ActivationSchema.default('relu'),
  trainSize: z.number().int().positive().max(60_000).default(300),
  lr: z.number().positive('lr must be > 0').default(0.01),
  batchSize: z.number().int().positive().default(100),
  epochs: z.number().int().positive().max(10_000).default(201),
  /** Weight decay λ of the cured run (book: 0.1). */
  lambda: z.number().positive('lambda must be > 0').default(0.1),
  /** Dropout ratio of the cured run (book: 0.2). */
  dropout: z.number().gt(0, 'dropout must be > 0').lt(1, 'dropout must be < 1').default(0.2),
  dropoutMode: z.enum(['book', 'inverted']).default('book'),
  seed: seedField,
})
export type OverfitParams = z.infer<typeof OverfitParamsSchema>

export const OVERFIT_DROPOUT_DEFAULTS = { cure: 'dropout', hidden: [100, 100, 100, 100, 100, 100, 100], epochs: 301 } as const

export const overfitLab: RunLab<typeof OverfitParamsSchema, 'overfit'> = {
  id: 'overfit',
  term: 'overfitting',
  presets: [
    { name: 'overfit-weight-decay', description: 'Lab 6: 300 samples, 6×100, 201 epochs, weight decay λ 0 vs 0.1', params: {} },
    { name: 'overfit-dropout', description: 'Lab 6: 300 samples, 7×100, 301 epochs, dropout 0 vs 0.2', params: { ...OVERFIT_DROPOUT_DEFAULTS, hidden: [...OVERFIT_DROPOUT_DEFAULTS.hidden] } },
  ],
  kind: 'runs',
  schema: OverfitParamsSchema,
  keys: [
    enumKey('cure', 'the cure compared with no cure', ['weight-decay', 'dropout']),
    intKey('epochs', 'epochs (book: 201 for weight decay, 301 for dropout)'),
    intKey('trainSize', 'training samples (book: 300)'),
    intKey('batchSize', 'mini-batch size (book: 100)'),
    numberKey('lr', 'SGD learning rate (book: 0.01)', { positive: true }),
    numberKey('lambda', 'weight decay λ of the cured run (book: 0.1)', { positive: true }),
    numberKey('dropout', 'dropout ratio of the cured run (book: 0.2)', { positive: true }),
    enumKey('dropoutMode', "dropout form: the book's or inverted", ['book', 'inverted']),
    widthsKey('hidden'),
    enumKey('activation', 'activation of every hidden layer', ActivationSchema.options),
  ],
  defaultName: (p) => (p.cure === 'weight-decay' ? `Overfitting: weight decay λ=${p.lambda} vs none` : `Overfitting: dropout ${p.dropout} vs none`),
  plan: (p) =>
    [false, true].map((cured) => {
      const weightDecay = cured && p.cure === 'weight-decay' ? p.lambda : 0
      const dropout = cured && p.cure === 'dropout' ? p.dropout : 0
      const spec: RunSpec = {
        network: { hidden: blocks(p.hidden, p.activation, { dropout }), init: { kind: 'he' }, weightDecay, dropoutMode: p.dropoutMode, bias: true },
        optimizer: { kind: 'sgd', lr: p.lr },
        data: { source: { kind: 'builtin-mnist' }, trainSize: p.trainSize, validationSplit: 0 },
        batchSize: p.batchSize,
        budget: { unit: 'epochs', count: p.epochs },
        sampling: 'replacement',
        recordLoss: true,
        seed: p.seed,
        divergenceFactor: 3,
      }
      const label = !cured ? 'no cure' : p.cure === 'weight-decay' ? `λ = ${p.lambda}` : `dropout ${p.dropout}`
      return { label, meta: { cured, cure: p.cure, weightDecay, dropout, optimizer: 'sgd', hyperparameters: { lr: p.lr } }, spec }
    }),
}
