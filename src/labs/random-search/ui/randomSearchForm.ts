/**
 * Lab 7's form, derived from its parameter schema: the builder's fields (the base network and
 * training, with the builder's codecs), the budget, and the searched ranges as keyed rows. Fields
 * the form does not show (dataset, sampling, an optimizer's other hyperparameters…) keep the values
 * last loaded, so a search opened from History keeps them. The form's own checks word each reason a
 * range cannot be searched in the user's language (`random-search.err.<code>`).
 */
import { computed } from 'vue'
import { FIRST_BLOCK, blockRows, budgetDraft, datasetChoice, initChoice, optimizerChoice } from '@renderer/composables/formCodecs'
import { defineSchemaForm, keyedRows, rowActions, type Keyed } from '@renderer/composables/useSchemaForm'
import { RandomSearchParamsSchema, SEARCHABLE, SEARCH_PARAMS, type OptimizerName, type SearchParam, type SearchRange } from '@renderer/lib/contract'
import { formIssue, numberFields, type FormIssue, type NumberField } from '@renderer/lib/forms'
import { builderPresetField } from '../../builder/ui/builderForm'

export type RangeDraft = Keyed<{ param: SearchParam; min: NumberField; max: NumberField; scale: SearchRange['scale'] }>

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

/** The form's own checks of each range, so that every reason can be worded in the user's language. */
function rangeChecks(ranges: RangeDraft[], optimizer: OptimizerName): Record<string, FormIssue> {
  const out: Record<string, FormIssue> = {}
  const seen = new Set<SearchParam>()
  const add = (i: number, field: string, code: string, values: Record<string, unknown> = {}) =>
    void (out[`ranges.${i}.${field}`] ??= formIssue(['ranges', i, field], code, `random-search.err.${code}`, values))
  ranges.forEach((r, i) => {
    const [lo, hi] = SEARCHABLE[r.param].bounds
    if (seen.has(r.param)) add(i, 'param', 'duplicate')
    seen.add(r.param)
    const only = OPTIMIZER_FIELD[r.param]
    if (only && !only.includes(optimizer)) add(i, 'param', 'notApplicable', { optimizer: { i18n: `optimizer.${optimizer}` } })
    if (r.scale === 'log' && typeof r.min === 'number' && r.min <= 0) add(i, 'min', 'logMin')
    if (typeof r.min === 'number' && r.min < lo) add(i, 'min', 'below', { bound: lo })
    if (typeof r.max === 'number' && r.max > hi) add(i, 'max', 'above', { bound: hi })
    if (typeof r.min === 'number' && typeof r.max === 'number' && !(r.min < r.max)) add(i, 'max', 'minMax')
  })
  return out
}

const rangeRows = keyedRows<SearchRange, Omit<RangeDraft, 'key'>>((r) => ({ ...r }), (r) => ({ ...r }))

export const useRandomSearchForm = defineSchemaForm('random-search', RandomSearchParamsSchema, {
  codecs: { hidden: blockRows, init: initChoice, optimizer: optimizerChoice, dataset: datasetChoice, budget: budgetDraft, ranges: rangeRows },
  presetField: (key) => (/^(lr|wd)\.(min|max)$/.test(key) ? 'ranges' : builderPresetField(key)),
  checks: (draft) => rangeChecks(draft.ranges, draft.optimizer.kind),
  extend: (form) => {
    const blocks = rowActions(() => form.draft.hidden, () => ({ ...FIRST_BLOCK }))
    const ranges = () => form.draft.ranges
    const searched = computed(() => new Set(ranges().map((r) => r.param)))
    const rows = rowActions(ranges, () => ({ param: 'lr' as SearchParam, ...RANGE_DEFAULTS.lr }))
    return {
      searched,
      addBlock: blocks.add,
      removeBlock: blocks.remove,
      moveBlock: blocks.move,
      /** Adds a range over the first hyperparameter not yet searched that the optimizer has. */
      addRange(): void {
        if (ranges().length >= MAX_RANGES) return
        const kind = form.draft.optimizer.kind
        const param = SEARCH_PARAMS.find((p) => !searched.value.has(p) && (!OPTIMIZER_FIELD[p] || OPTIMIZER_FIELD[p]!.includes(kind)))
        if (!param) return
        rows.add()
        Object.assign(ranges().at(-1)!, { param, ...RANGE_DEFAULTS[param] })
      },
      removeRange: rows.remove,
      /** Picks another hyperparameter for a range, with that one's usual range. */
      setRangeParam(index: number, param: SearchParam): void {
        const r = ranges()[index]
        if (r) Object.assign(r, { param, ...RANGE_DEFAULTS[param] })
      },
    }
  },
})

/** The number fields by section, in order. */
export const SEARCH_FIELDS = {
  budget: numberFields(RandomSearchParamsSchema, [
    { key: 'trials', label: 'random-search.form.trials' },
    { key: 'budget.count', label: 'random-search.form.epochs', min: 1, step: 1 },
    { key: 'trainSize', label: 'random-search.form.trainSize' },
    { key: 'validationSplit', label: 'random-search.form.validationSplit', max: 0.99, step: 0.05 },
    'batchSize',
    'seed',
  ]),
  weightDecay: numberFields(RandomSearchParamsSchema, [{ key: 'weightDecay', label: 'random-search.param.weightDecay' }]),
}
