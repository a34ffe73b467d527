/**
 * The contract's data shapes. Every boundary (IPC, HTTP, CLI, trainer messages, imported
 * files) validates against these; TypeScript types are derived from them with z.infer.
 */
import { z } from 'zod'
import { ConfusionSchema } from './inside'

const positive = (what: string) => z.number({ error: `${what} must be a number` }).finite().positive(`${what} must be > 0`)
const positiveInt = (what: string) =>
  z.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`).positive(`${what} must be > 0`)
const fraction = (what: string) =>
  z.number({ error: `${what} must be a number` }).min(0, `${what} must be ≥ 0`).lt(1, `${what} must be < 1`)

export const ActivationSchema = z.enum(['relu', 'sigmoid', 'tanh'])
export type Activation = z.infer<typeof ActivationSchema>

/** One hidden block: Affine(width) → [BatchNorm] → Activation → [Dropout]. */
export const HiddenBlockSchema = z.object({
  width: positiveInt('width').max(4096, 'width must be ≤ 4096'),
  batchNorm: z.boolean().default(false),
  activation: ActivationSchema.default('relu'),
  dropout: fraction('dropout').default(0),
})
export type HiddenBlock = z.infer<typeof HiddenBlockSchema>

/** Weight init per Affine layer with fan-in n; biases are always 0. */
export const InitSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('std'), std: z.number().finite().nonnegative('std must be ≥ 0') }),
  z.object({ kind: z.literal('xavier') }),
  z.object({ kind: z.literal('he') }),
  z.object({ kind: z.literal('zero') }),
  z.object({ kind: z.literal('constant'), value: z.number().finite() }),
])
export type InitSpec = z.infer<typeof InitSchema>

export const OPTIMIZER_NAMES = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'] as const
export const OptimizerNameSchema = z.enum(OPTIMIZER_NAMES)
export type OptimizerName = z.infer<typeof OptimizerNameSchema>

const lr = positive('lr')
const unitOpen = (what: string) => z.number().gt(0, `${what} must be > 0`).lt(1, `${what} must be < 1`)

/** Optimizers with the lesson's hyperparameters (ε = 1e-7 everywhere). */
export const OptimizerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sgd'), lr: lr.default(0.01) }),
  z.object({ kind: z.literal('momentum'), lr: lr.default(0.01), momentum: unitOpen('momentum').default(0.9) }),
  z.object({ kind: z.literal('nesterov'), lr: lr.default(0.01), momentum: unitOpen('momentum').default(0.9) }),
  z.object({ kind: z.literal('adagrad'), lr: lr.default(0.01) }),
  z.object({ kind: z.literal('rmsprop'), lr: lr.default(0.01), decayRate: unitOpen('decayRate').default(0.99) }),
  z.object({
    kind: z.literal('adam'),
    lr: lr.default(0.001),
    beta1: unitOpen('beta1').default(0.9),
    beta2: unitOpen('beta2').default(0.999),
  }),
])
export type OptimizerSpec = z.infer<typeof OptimizerSchema>

export const NetworkSchema = z.object({
  hidden: z.array(HiddenBlockSchema).min(1, 'at least one hidden block').max(32, 'at most 32 hidden blocks'),
  init: InitSchema.default({ kind: 'he' }),
  /** L2 weight decay λ on every Affine weight (not biases, γ, β). */
  weightDecay: z.number().finite().nonnegative('weightDecay must be ≥ 0').default(0),
  /** 'book': x·mask in training, x·(1−ratio) at inference; 'inverted': x·mask/(1−ratio). */
  dropoutMode: z.enum(['book', 'inverted']).default('book'),
  /** Affine layers have biases (the histogram lab turns them off). */
  bias: z.boolean().default(true),
  /**
   * Seed of the initial weights alone; omitted = the run's seed. A random search gives each trial
   * its own (the book draws fresh weights per trial) while data split and mini-batches stay shared.
   */
  initSeed: z.number().int('initSeed must be a whole number').min(0).max(2 ** 31 - 1).optional(),
})
export type NetworkSpec = z.infer<typeof NetworkSchema>

export const DataSourceSchema = z.discriminatedUnion('kind', [
  /** The 10,000 real MNIST digits shipped with the app (8,000 train / 2,000 test). */
  z.object({ kind: z.literal('builtin-mnist') }),
  /** A folder holding standard IDX files (MNIST, Fashion-MNIST, KMNIST). */
  z.object({ kind: z.literal('idx'), dir: z.string().min(1, 'dir must not be empty') }),
])
export type DataSource = z.infer<typeof DataSourceSchema>

export const DataSchema = z.object({
  source: DataSourceSchema.default({ kind: 'builtin-mnist' }),
  /** Training samples drawn deterministically from the seed; omitted = all. */
  trainSize: positiveInt('trainSize').optional(),
  /** Fraction of the training subset held out (shuffled) for validation. */
  validationSplit: fraction('validationSplit').default(0),
  /** Test samples used for evaluation; omitted = all. */
  testSize: positiveInt('testSize').optional(),
})
export type DataSpec = z.infer<typeof DataSchema>

export const BudgetSchema = z.discriminatedUnion('unit', [
  z.object({ unit: z.literal('iterations'), count: positiveInt('iterations').max(1_000_000) }),
  z.object({ unit: z.literal('epochs'), count: positiveInt('epochs').max(100_000) }),
])
export type Budget = z.infer<typeof BudgetSchema>

/** Everything one trainer process needs to train one network. Same spec + seed = same numbers. */
export const RunSpecSchema = z.object({
  network: NetworkSchema,
  optimizer: OptimizerSchema,
  data: DataSchema.default({ source: { kind: 'builtin-mnist' }, validationSplit: 0 }),
  batchSize: positiveInt('batchSize').max(65536).default(100),
  budget: BudgetSchema,
  /** 'replacement': the book's random.choice per batch; 'shuffle': without replacement per epoch. */
  sampling: z.enum(['replacement', 'shuffle']).default('replacement'),
  /**
   * How often accuracy is evaluated: every `evalEvery` iterations, and always at iteration 0
   * and at the end; omitted = once per epoch (train_size / batch_size iterations, the book's way).
   */
  evalEvery: positiveInt('evalEvery').optional(),
  /** Evaluate the test set too; omitted = true (a search compares on validation only, as the book does). */
  evalTest: z.boolean().optional(),
  /** Record the loss of every iteration (lab 2, 4) or not (long epoch-based runs). */
  recordLoss: z.boolean().default(true),
  /** Seed of every random draw: weights, data subset, mini-batches, dropout masks. */
  seed: z.number().int('seed must be a whole number').min(0).max(2 ** 31 - 1),
  /** Stop when the loss is NaN/Inf or stays above this multiple of the first loss (see engine/train.ts). */
  divergenceFactor: z.number().gt(1, 'divergenceFactor must be > 1').default(3),
  /** Omitted = true: a diverging run stops with an explanation; false trains on as the book does. */
  stopOnDivergence: z.boolean().optional(),
  /** Layer snapshots, predictions and weight tiles at every evaluation point (src/shared/inside.ts); omitted = true. */
  snapshots: z.boolean().optional(),
})
export type RunSpec = z.infer<typeof RunSpecSchema>
export type RunSpecInput = z.input<typeof RunSpecSchema>

export const SERIES_NAMES = ['loss', 'trainAcc', 'testAcc', 'valAcc'] as const
export const SeriesNameSchema = z.enum(SERIES_NAMES)
export type SeriesName = z.infer<typeof SeriesNameSchema>

/** Points of one series: iteration index and value (accuracy series are indexed by iteration too). */
export const SeriesChunkSchema = z.object({
  series: SeriesNameSchema,
  steps: z.array(z.number().int().nonnegative()),
  values: z.array(z.number()),
})
export type SeriesChunk = z.infer<typeof SeriesChunkSchema>

export const FinalMetricsSchema = z.object({
  loss: z.number().nullable(),
  trainAcc: z.number().nullable(),
  testAcc: z.number().nullable(),
  valAcc: z.number().nullable().optional(),
  iterations: z.number().int().nonnegative(),
  epochs: z.number().nonnegative(),
  elapsedMs: z.number().nonnegative(),
  /** The iteration where the loss diverged, for a run that trained on (stopOnDivergence: false). */
  divergedAt: z.number().int().nullable().optional(),
  /** Test confusion matrix [true][predicted] of the final network (runs with snapshots and a test set). */
  confusion: ConfusionSchema.optional(),
})
export type FinalMetrics = z.infer<typeof FinalMetricsSchema>

export const RUN_STATUSES = ['queued', 'running', 'finished', 'failed', 'cancelled', 'interrupted'] as const
export const RunStatusSchema = z.enum(RUN_STATUSES)
export type RunStatus = z.infer<typeof RunStatusSchema>
