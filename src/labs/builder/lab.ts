/** Lab 8, your own network: any stack of hidden blocks, init, weight decay, optimizer, data, budget. */
import { z } from 'zod'
import { BudgetSchema, DataSourceSchema, HiddenBlockSchema, InitSchema, OptimizerSchema, type RunSpec } from '../../shared/schemas'
import { itersPerEpoch, maxIterations } from '../../engine/sampling'
import { checkEvalEvery, initKey, initLabel, optimizerHyperKeys, seedField } from '../common'
import { ParamError, enumKey, intKey, numberKey, parseList, parseNumber } from '../keys'
import { runLab } from '../define'
import type { CliKey } from '../types'

/** The builder's fields; the random search reuses them as its base network. */
export const builderFields = {
  hidden: z
    .array(HiddenBlockSchema)
    .min(1, 'at least one hidden block')
    .max(32)
    .default(() => [100, 100].map((width) => ({ width, batchNorm: false, activation: 'relu' as const, dropout: 0 }))),
  init: InitSchema.default({ kind: 'he' }),
  weightDecay: z.number().finite().nonnegative('weightDecay must be ≥ 0').default(0),
  dropoutMode: z.enum(['book', 'inverted']).default('book'),
  optimizer: OptimizerSchema.default({ kind: 'sgd', lr: 0.01 }),
  dataset: DataSourceSchema.default({ kind: 'builtin-mnist' }),
  trainSize: z.number().int().positive('trainSize must be > 0').optional(),
  validationSplit: z.number().min(0).lt(1, 'validationSplit must be < 1').default(0),
  batchSize: z.number().int().positive('batchSize must be > 0').max(65536).default(100),
  budget: BudgetSchema.default({ unit: 'epochs', count: 5 }),
  sampling: z.enum(['replacement', 'shuffle']).default('replacement'),
  evalEvery: z.number().int().positive().optional(),
  seed: seedField,
}

export const BuilderParamsSchema = z.object(builderFields).superRefine((p, ctx) => checkEvalEvery(p.evalEvery, builderIterations(p), ctx))

/** The run's length in iterations, when it can be known from the parameters alone (not for a whole dataset counted in epochs). */
function builderIterations(p: Pick<z.output<z.ZodObject<typeof builderFields>>, 'budget' | 'trainSize' | 'validationSplit' | 'batchSize'>): number | null {
  if (p.budget.unit === 'iterations') return p.budget.count
  if (p.trainSize === undefined) return null
  return maxIterations(p.budget, itersPerEpoch(p.trainSize - Math.trunc(p.trainSize * p.validationSplit), p.batchSize))
}
export type BuilderParams = z.infer<typeof BuilderParamsSchema>

export function builderRunSpec(p: Omit<BuilderParams, never>, extra: Partial<RunSpec> = {}): RunSpec {
  return {
    network: { hidden: p.hidden.map((b) => ({ ...b })), init: p.init, weightDecay: p.weightDecay, dropoutMode: p.dropoutMode, bias: true },
    optimizer: { ...p.optimizer },
    data: { source: p.dataset, trainSize: p.trainSize, validationSplit: p.validationSplit },
    batchSize: p.batchSize,
    budget: p.budget,
    sampling: p.sampling,
    evalEvery: p.evalEvery,
    recordLoss: true,
    seed: p.seed,
    divergenceFactor: 3,
    ...extra,
  }
}

/** "784 → 100 BN relu → 100 relu drop 0.2 → 10, adam" */
export function describeNetwork(p: Pick<BuilderParams, 'hidden' | 'optimizer' | 'init'>): string {
  const blocks = p.hidden.map((b) => [b.width, b.batchNorm ? 'BN' : '', b.activation, b.dropout > 0 ? `drop ${b.dropout}` : ''].filter(Boolean).join(' '))
  return `${blocks.join(' → ')}, ${initLabel(p.init)}, ${p.optimizer.kind}`
}

const everyBlock = (key: string, help: string, parse: (v: string) => unknown, field: 'activation' | 'batchNorm' | 'dropout'): CliKey => ({
  key,
  help,
  // one value for every block, or none when the blocks differ (a link cannot say that)
  show: (p) => {
    const values = new Set(((p.hidden as Record<string, unknown>[]) ?? []).map((b) => String(b[field])))
    return values.size === 1 ? [[key, [...values][0]!]] : []
  },
  set: (p, v) => {
    const hidden = (p.hidden as Record<string, unknown>[]) ?? []
    const value = parse(v)
    p.hidden = hidden.map((b) => ({ ...b, [field]: value }))
  },
})

const FASHION_DIR = '/usr/share/datasets/fashion-mnist'

/** `epochs=N` or `iterations=N`, whichever the budget counts. */
function budgetPair(p: Record<string, unknown>, unit: 'epochs' | 'iterations'): [string, string][] {
  const b = p.budget as { unit: string; count: number } | undefined
  return b?.unit === unit ? [[unit, String(b.count)]] : []
}

/** The builder's and the search's shared CLI keys. */
export const builderKeys: CliKey[] = [
  {
    key: 'hidden',
    help: 'hidden widths, comma-separated (keeps each block\'s other settings; new blocks copy the last)',
    show: (p) => [['hidden', ((p.hidden as { width: number }[]) ?? []).map((b) => b.width).join(',')]],
    set: (p, v) => {
      const widths = parseList('hidden', v).map((w) => parseNumber('hidden', w, { int: true, positive: true }))
      const old = (p.hidden as Record<string, unknown>[]) ?? []
      const last = old.at(-1) ?? { batchNorm: false, activation: 'relu', dropout: 0 }
      p.hidden = widths.map((width, i) => ({ ...(old[i] ?? last), width }))
    },
  },
  everyBlock('activation', 'activation of every block (relu | sigmoid | tanh)', (v) => {
    if (!['relu', 'sigmoid', 'tanh'].includes(v)) throw new ParamError('activation', `'${v}' is not one of relu, sigmoid, tanh`)
    return v
  }, 'activation'),
  everyBlock('batchNorm', 'batch normalization in every block (true | false)', (v) => {
    if (v !== 'true' && v !== 'false') throw new ParamError('batchNorm', `'${v}' is not true or false`)
    return v === 'true'
  }, 'batchNorm'),
  everyBlock('dropout', 'dropout ratio of every block (0 = off)', (v) => parseNumber('dropout', v, { min: 0 }), 'dropout'),
  initKey,
  {
    key: 'lambda',
    help: 'weight decay λ on every Affine weight',
    show: (p) => [['lambda', String(p.weightDecay)]],
    set: (p, v) => void (p.weightDecay = parseNumber('lambda', v, { min: 0 })),
  },
  {
    key: 'optimizer',
    help: 'optimizer (sgd | momentum | nesterov | adagrad | rmsprop | adam) with its default hyperparameters',
    show: (p) => [['optimizer', (p.optimizer as { kind: string }).kind]],
    set: (p, v) => {
      const parsed = OptimizerSchema.safeParse({ kind: v })
      if (!parsed.success) throw new ParamError('optimizer', `'${v}' is not an optimizer`)
      p.optimizer = parsed.data
    },
  },
  {
    key: 'lr',
    help: 'learning rate of the optimizer',
    show: (p) => [['lr', String((p.optimizer as { lr: number }).lr)]],
    set: (p, v) => {
      p.optimizer = { ...(p.optimizer as object), lr: parseNumber('lr', v, { positive: true }) }
    },
  },
  ...optimizerHyperKeys.filter((k) => k.key !== 'lr.*'),
  {
    key: 'epochs',
    help: 'train for this many epochs',
    show: (p) => budgetPair(p, 'epochs'),
    set: (p, v) => void (p.budget = { unit: 'epochs', count: parseNumber('epochs', v, { int: true, positive: true }) }),
  },
  {
    key: 'iterations',
    help: 'train for this many iterations (instead of epochs)',
    show: (p) => budgetPair(p, 'iterations'),
    set: (p, v) => void (p.budget = { unit: 'iterations', count: parseNumber('iterations', v, { int: true, positive: true }) }),
  },
  intKey('trainSize', 'training samples drawn from the data set'),
  numberKey('validationSplit', 'fraction of the training samples held out for validation', { min: 0 }),
  intKey('batchSize', 'mini-batch size'),
  intKey('evalEvery', 'evaluate every N iterations (default: every epoch)'),
  enumKey('sampling', 'mini-batches: the book\'s with replacement, or shuffled epochs', ['replacement', 'shuffle']),
  {
    key: 'dataset',
    help: 'builtin (10k MNIST) | fashion (Debian dataset-fashion-mnist) | a folder of IDX files',
    show: (p) => {
      const d = p.dataset as { kind: string; dir?: string }
      return [['dataset', d.kind === 'builtin-mnist' ? 'builtin' : d.dir === FASHION_DIR ? 'fashion' : d.dir!]]
    },
    set: (p, v) => {
      if (v === 'builtin') p.dataset = { kind: 'builtin-mnist' }
      else if (v === 'fashion') p.dataset = { kind: 'idx', dir: FASHION_DIR }
      else if (v.trim() !== '') p.dataset = { kind: 'idx', dir: v }
      else throw new ParamError('dataset', 'expects builtin, fashion or a folder')
    },
  },
]

export const builderLab = runLab('builder', 'hyperparameter', BuilderParamsSchema, {
  book: 'Lab 8: your own network (default 784-100-100-10 ReLU, SGD 0.01, 5 epochs on the built-in MNIST)',
  keys: builderKeys,
  defaultName: (p) => `Network: ${describeNetwork(p)}`,
  plan: (p) => {
    const { kind, ...hyperparameters } = p.optimizer
    return [{ label: describeNetwork(p), meta: { optimizer: kind, hyperparameters }, spec: builderRunSpec(p) }]
  },
})
