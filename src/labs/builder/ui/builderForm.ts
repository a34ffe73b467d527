/**
 * Lab 8's form: the hidden blocks and every other setting as the user typed them (kept while they
 * visit other pages), the parameters they make, and their validation by BuilderParamsSchema with
 * each issue keyed by its field ('hidden.1.dropout', 'optimizer.lr', 'budget.count'…). A few checks
 * the schema cannot make (a training subset larger than the data set) are added as `limits`.
 */
import { defineStore } from 'pinia'
import { computed, reactive, ref } from 'vue'
import { useKeyedRows } from '@renderer/composables/useKeyedRows'
import { BuilderParamsSchema, OPTIMIZER_NAMES, defaultOptimizer, type Activation, type BuilderParams, type OptimizerName } from '@renderer/lib/contract'
import { HYPERS, issuesByField, type InitKind, type NumberField } from '@renderer/lib/forms'

export interface BlockDraft {
  width: NumberField
  batchNorm: boolean
  activation: Activation
  dropout: NumberField
}
export type DatasetChoice = 'builtin' | 'fashion' | 'idx'

const FASHION_DIR = '/usr/share/datasets/fashion-mnist'
/** Samples per split: the built-in 10k MNIST, and the standard IDX files (MNIST, Fashion-MNIST, KMNIST). */
const DATASET_COUNTS = { builtin: { train: 8000, test: 2000 }, idx: { train: 60000, test: 10000 } } as const

const DEFAULTS = BuilderParamsSchema.parse({})
const hyperDrafts = () =>
  Object.fromEntries(OPTIMIZER_NAMES.map((k) => [k, Object.fromEntries(HYPERS[k].map((h) => [h, (defaultOptimizer(k) as unknown as Record<string, number>)[h]!]))])) as Record<OptimizerName, Record<string, NumberField>>

export const useBuilderForm = defineStore('builderForm', () => {
  const blocks = useKeyedRows<BlockDraft>()
  const initKind = ref<InitKind>('he')
  const initStd = ref<NumberField>(0.01)
  const initConstant = ref<NumberField>(0)
  const weightDecay = ref<NumberField>(0)
  const dropoutMode = ref<BuilderParams['dropoutMode']>('book')
  const optimizerKind = ref<OptimizerName>('sgd')
  const hypers = reactive(hyperDrafts())
  const dataset = ref<DatasetChoice>('builtin')
  const idxDir = ref('')
  const trainSize = ref<NumberField>('')
  const validationSplit = ref<NumberField>(0)
  const batchSize = ref<NumberField>(100)
  const budgetUnit = ref<'epochs' | 'iterations'>('epochs')
  const budgetCount = ref<NumberField>(5)
  const sampling = ref<BuilderParams['sampling']>('replacement')
  const seed = ref<NumberField>(1)

  function load(raw: Record<string, unknown>): void {
    const parsed = BuilderParamsSchema.safeParse(raw)
    const p = parsed.success ? parsed.data : DEFAULTS
    blocks.set(p.hidden)
    initKind.value = p.init.kind
    if (p.init.kind === 'std') initStd.value = p.init.std
    if (p.init.kind === 'constant') initConstant.value = p.init.value
    weightDecay.value = p.weightDecay
    dropoutMode.value = p.dropoutMode
    Object.assign(hypers, hyperDrafts())
    const { kind, ...values } = p.optimizer
    optimizerKind.value = kind
    Object.assign(hypers[kind], values)
    dataset.value = p.dataset.kind === 'builtin-mnist' ? 'builtin' : p.dataset.dir === FASHION_DIR ? 'fashion' : 'idx'
    idxDir.value = p.dataset.kind === 'idx' && dataset.value === 'idx' ? p.dataset.dir : ''
    trainSize.value = p.trainSize ?? ''
    validationSplit.value = p.validationSplit
    batchSize.value = p.batchSize
    budgetUnit.value = p.budget.unit
    budgetCount.value = p.budget.count
    sampling.value = p.sampling
    seed.value = p.seed
  }
  load({})

  function addBlock(): void {
    const last = blocks.rows.value.at(-1)
    blocks.add(last ? { width: last.width, batchNorm: last.batchNorm, activation: last.activation, dropout: last.dropout } : { width: 100, batchNorm: false, activation: 'relu', dropout: 0 })
  }

  const params = computed(() => ({
    hidden: blocks.rows.value.map(({ width, batchNorm, activation, dropout }) => ({ width, batchNorm, activation, dropout })),
    init: initKind.value === 'std' ? { kind: 'std', std: initStd.value } : initKind.value === 'constant' ? { kind: 'constant', value: initConstant.value } : { kind: initKind.value },
    weightDecay: weightDecay.value,
    dropoutMode: dropoutMode.value,
    optimizer: { kind: optimizerKind.value, ...hypers[optimizerKind.value] },
    dataset: dataset.value === 'builtin' ? { kind: 'builtin-mnist' } : { kind: 'idx', dir: dataset.value === 'fashion' ? FASHION_DIR : idxDir.value.trim() },
    ...(trainSize.value === '' ? {} : { trainSize: trainSize.value }),
    validationSplit: validationSplit.value,
    batchSize: batchSize.value,
    budget: { unit: budgetUnit.value, count: budgetCount.value },
    sampling: sampling.value,
    seed: seed.value,
  }))

  const validation = computed(() => BuilderParamsSchema.safeParse(params.value))
  const issues = computed(() => issuesByField(validation.value))

  /** Samples in the chosen data set's splits (IDX folders are assumed to hold the standard 60,000 / 10,000). */
  const counts = computed(() => DATASET_COUNTS[dataset.value === 'builtin' ? 'builtin' : 'idx'])
  /** Training and validation samples after the subset and the hold-out (null while invalid). */
  const split = computed(() => {
    if (!validation.value.success) return null
    const p = validation.value.data
    const n = Math.min(p.trainSize ?? counts.value.train, counts.value.train)
    const held = Math.trunc(n * p.validationSplit)
    return { train: n - held, validation: held, test: counts.value.test }
  })
  /** Checks beyond the schema, as message keys: a subset larger than the data set, a hold-out that leaves nothing. */
  const limits = computed(() => {
    const out: Record<string, { key: string; named?: Record<string, unknown> }> = {}
    const n = trainSize.value
    if (typeof n === 'number' && dataset.value === 'builtin' && n > counts.value.train) out.trainSize = { key: 'builder.errors.trainSizeTooBig', named: { n: counts.value.train } }
    if (split.value && split.value.train === 0) out.validationSplit = { key: 'builder.errors.noTrainLeft' }
    return out
  })
  const valid = computed(() => validation.value.success && Object.keys(limits.value).length === 0)

  return {
    blocks: blocks.rows, initKind, initStd, initConstant, weightDecay, dropoutMode, optimizerKind, hypers, dataset, idxDir,
    trainSize, validationSplit, batchSize, budgetUnit, budgetCount, sampling, seed,
    params, validation, issues, limits, valid, counts, split,
    load, addBlock, removeBlock: blocks.remove, moveBlock: blocks.move, reset: () => load({}),
  }
})
