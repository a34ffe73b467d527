/**
 * Lab 7's form: the base network (the builder's hidden blocks) and training, kept while the user
 * visits other pages; the searched ranges; the parameters they make and their validation by the
 * lab's own zod schema. Fields the form does not show (dataset, sampling, an optimizer's other
 * hyperparameters…) keep the values last loaded, so a search opened from History keeps them.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { useKeyedRows } from '@renderer/composables/useKeyedRows'
import { RandomSearchParamsSchema, SEARCHABLE, SEARCH_PARAMS, defaultOptimizer, type OptimizerName, type RandomSearchParams, type SearchParam, type SearchRange } from '@renderer/lib/contract'
import { issuesByField, type FormIssue, type NumberField } from '@renderer/lib/forms'
import type { BlockDraft } from '../../builder/ui/builderForm'

export type InitKind = 'he' | 'xavier' | 'std'

export interface RangeDraft {
  key: number
  param: SearchParam
  min: NumberField
  max: NumberField
  scale: SearchRange['scale']
}

/** A reason a range cannot be searched, worded by the form (`random-search.err.<code>`). */
interface RangeProblem {
  field: string
  code: 'minMax' | 'logMin' | 'below' | 'above' | 'notApplicable' | 'duplicate'
  values: Record<string, string | number>
}

export const MAX_RANGES = 4

/** What a newly added range of each hyperparameter starts with. */
const RANGE_DEFAULTS: Record<SearchParam, Omit<SearchRange, 'param'>> = {
  lr: { min: 1e-6, max: 1e-2, scale: 'log' },
  weightDecay: { min: 1e-8, max: 1e-4, scale: 'log' },
  dropout: { min: 0, max: 0.5, scale: 'linear' },
  momentum: { min: 0.5, max: 0.99, scale: 'linear' },
  decayRate: { min: 0.9, max: 0.999, scale: 'linear' },
  beta1: { min: 0.8, max: 0.99, scale: 'linear' },
  beta2: { min: 0.99, max: 0.9999, scale: 'linear' },
  batchSize: { min: 16, max: 256, scale: 'log' },
  width: { min: 16, max: 256, scale: 'log' },
  initStd: { min: 1e-3, max: 1, scale: 'log' },
}

/** Optimizer hyperparameters exist only for some optimizers. */
const OPTIMIZER_FIELD: Partial<Record<SearchParam, OptimizerName[]>> = {
  momentum: ['momentum', 'nesterov'],
  decayRate: ['rmsprop'],
  beta1: ['adam'],
  beta2: ['adam'],
}

const DEFAULTS = RandomSearchParamsSchema.parse({})

export const useRandomSearchForm = defineStore('randomSearchForm', () => {
  const blocks = useKeyedRows<BlockDraft>()
  const base = ref<RandomSearchParams>(DEFAULTS)
  const initKind = ref<InitKind>('he')
  const initStd = ref<NumberField>(0.01)
  const optimizerKind = ref<OptimizerName>('sgd')
  const lr = ref<NumberField>(0.01)
  const weightDecay = ref<NumberField>(0)
  const trials = ref<NumberField>(100)
  const epochs = ref<NumberField>(50)
  const trainSize = ref<NumberField>(500)
  const validationSplit = ref<NumberField>(0.2)
  const batchSize = ref<NumberField>(100)
  const seed = ref<NumberField>(1)
  /** Layer snapshots of every trial for the Inside panel (issue 12), on request. */
  const snapshots = ref(false)
  const sameWeights = ref(false)
  const ranges = ref<RangeDraft[]>([])
  let nextKey = 1

  function load(raw: Record<string, unknown>): void {
    const parsed = RandomSearchParamsSchema.safeParse(raw)
    const p = parsed.success ? parsed.data : DEFAULTS
    base.value = p
    blocks.set(p.hidden)
    initKind.value = p.init.kind === 'xavier' || p.init.kind === 'std' ? p.init.kind : 'he'
    if (p.init.kind === 'std') initStd.value = p.init.std
    optimizerKind.value = p.optimizer.kind
    lr.value = p.optimizer.lr
    weightDecay.value = p.weightDecay
    trials.value = p.trials
    epochs.value = p.budget.count
    trainSize.value = p.trainSize
    validationSplit.value = p.validationSplit
    batchSize.value = p.batchSize
    seed.value = p.seed
    snapshots.value = p.snapshots
    sameWeights.value = p.sameWeights
    ranges.value = p.ranges.map((r) => ({ key: nextKey++, ...r }))
  }
  load({})

  const searched = computed(() => new Set(ranges.value.map((r) => r.param)))

  function addRange(): void {
    if (ranges.value.length >= MAX_RANGES) return
    const param = SEARCH_PARAMS.find((p) => !searched.value.has(p) && (!OPTIMIZER_FIELD[p] || OPTIMIZER_FIELD[p]!.includes(optimizerKind.value)))
    if (param) ranges.value.push({ key: nextKey++, param, ...RANGE_DEFAULTS[param] })
  }
  function removeRange(index: number): void {
    ranges.value.splice(index, 1)
  }
  /** Picks another hyperparameter for a range, with that one's usual range. */
  function setRangeParam(index: number, param: SearchParam): void {
    const r = ranges.value[index]
    if (r) Object.assign(r, { param, ...RANGE_DEFAULTS[param] })
  }

  function addBlock(): void {
    const last = blocks.rows.value.at(-1)
    blocks.add(last ? { width: last.width, batchNorm: last.batchNorm, activation: last.activation, dropout: last.dropout } : { width: 100, batchNorm: false, activation: 'relu', dropout: 0 })
  }

  const params = computed(() => {
    const b = base.value
    const keep = b.optimizer.kind === optimizerKind.value ? b.optimizer : defaultOptimizer(optimizerKind.value)
    return {
      ...b,
      hidden: blocks.rows.value.map(({ width, batchNorm, activation, dropout }) => ({ width, batchNorm, activation, dropout })),
      init: initKind.value === 'std' ? { kind: 'std', std: initStd.value } : { kind: initKind.value },
      optimizer: { ...keep, lr: lr.value },
      weightDecay: weightDecay.value,
      trials: trials.value,
      budget: { unit: 'epochs', count: epochs.value },
      trainSize: trainSize.value,
      validationSplit: validationSplit.value,
      batchSize: batchSize.value,
      seed: seed.value,
      snapshots: snapshots.value,
      sameWeights: sameWeights.value,
      ranges: ranges.value.map(({ param, min, max, scale }) => ({ param, min, max, scale })),
    }
  })

  const validation = computed(() => RandomSearchParamsSchema.safeParse(params.value))

  /** The form's own checks of each range, so that every reason can be worded in the user's language. */
  const rangeProblems = computed<RangeProblem[]>(() => {
    const out: RangeProblem[] = []
    const seen = new Set<SearchParam>()
    ranges.value.forEach((r, i) => {
      const at = (f: string) => `ranges.${i}.${f}`
      const [lo, hi] = SEARCHABLE[r.param].bounds
      if (seen.has(r.param)) out.push({ field: at('param'), code: 'duplicate', values: {} })
      seen.add(r.param)
      const only = OPTIMIZER_FIELD[r.param]
      if (only && !only.includes(optimizerKind.value)) out.push({ field: at('param'), code: 'notApplicable', values: { optimizer: optimizerKind.value } })
      if (r.scale === 'log' && typeof r.min === 'number' && r.min <= 0) out.push({ field: at('min'), code: 'logMin', values: {} })
      if (typeof r.min === 'number' && r.min < lo) out.push({ field: at('min'), code: 'below', values: { bound: lo } })
      if (typeof r.max === 'number' && r.max > hi) out.push({ field: at('max'), code: 'above', values: { bound: hi } })
      if (typeof r.min === 'number' && typeof r.max === 'number' && !(r.min < r.max)) out.push({ field: at('max'), code: 'minMax', values: {} })
    })
    return out
  })

  /** Zod's issues by field: 'hidden.0.width', 'init.std', 'ranges.1.min', 'epochs', 'trials'… */
  const issues = computed<Record<string, FormIssue>>(() =>
    issuesByField(validation.value, (path) => {
      if (path[0] === 'budget') return 'epochs'
      if (path[0] === 'optimizer') return `optimizer.${String(path[1] ?? 'kind')}`
      return path.map(String).join('.')
    }),
  )

  const valid = computed(() => validation.value.success && rangeProblems.value.length === 0)

  return {
    blocks: blocks.rows, initKind, initStd, optimizerKind, lr, weightDecay, trials, epochs, trainSize, validationSplit, batchSize, seed, snapshots, sameWeights, ranges,
    searched, params, validation, issues, rangeProblems, valid,
    load, addBlock, removeBlock: blocks.remove, moveBlock: blocks.move, addRange, removeRange, setRangeParam,
    reset: () => load({}),
  }
})
