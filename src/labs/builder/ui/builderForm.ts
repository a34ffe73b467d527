/**
 * Lab 8's form, derived from its parameter schema: the hidden blocks as rows, the init, the
 * optimizer (each kind keeps its hyperparameters), the data set as a choice and a path, the budget.
 * Issues are keyed by their path ('hidden.1.dropout', 'optimizer.lr', 'budget.count'…). A few
 * check the schema cannot make (a training subset larger than the data set) is the form's own.
 */
import { computed } from 'vue'
import { FIRST_BLOCK, blockRows, budgetDraft, datasetChoice, initChoice, optimizerChoice, optionalNumber } from '@renderer/composables/formCodecs'
import { defineSchemaForm, rowActions } from '@renderer/composables/useSchemaForm'
import { BuilderParamsSchema } from '@renderer/lib/contract'
import { formIssue, numberFields, type FormIssue } from '@renderer/lib/forms'

export type { BlockDraft, DatasetChoice } from '@renderer/composables/formCodecs'

/** Samples per split: the built-in 10k MNIST, and the standard IDX files (MNIST, Fashion-MNIST, KMNIST). */
const DATASET_COUNTS = { builtin: { train: 8000, test: 2000 }, idx: { train: 60000, test: 10000 } } as const
const countsOf = (choice: string) => DATASET_COUNTS[choice === 'builtin' ? 'builtin' : 'idx']

/** Where a builder preset key's error shows (the search shares these keys). */
export function builderPresetField(key: string): string {
  const fields: Record<string, string> = { lambda: 'weightDecay', lr: 'optimizer.lr', epochs: 'budget.count', iterations: 'budget.count', hidden: 'hidden', dataset: 'dataset' }
  return fields[key] ?? key
}

export const useBuilderForm = defineSchemaForm('builder', BuilderParamsSchema, {
  codecs: { hidden: blockRows, init: initChoice, optimizer: optimizerChoice, dataset: datasetChoice, trainSize: optionalNumber, budget: budgetDraft },
  presetField: builderPresetField,
  // A subset larger than the built-in set (IDX folders are not counted here).
  checks: (draft): Record<string, FormIssue> => {
    const train = countsOf(draft.dataset.choice).train
    const n = draft.trainSize
    return typeof n === 'number' && draft.dataset.choice === 'builtin' && n > train
      ? { trainSize: formIssue(['trainSize'], `the data set has only ${train} training samples`, 'builder.errors.trainSizeTooBig', { n: train }) }
      : {}
  },
  extend: (form) => {
    const blocks = rowActions(() => form.draft.hidden, () => ({ ...FIRST_BLOCK }))
    /** Samples in the chosen data set's splits (IDX folders are assumed to hold the standard 60,000 / 10,000). */
    const counts = computed(() => countsOf(form.draft.dataset.choice))
    return {
      addBlock: blocks.add,
      removeBlock: blocks.remove,
      moveBlock: blocks.move,
      counts,
      /** Training and validation samples after the subset and the hold-out (null while invalid). */
      split: computed(() => {
        if (!form.validation.value.success) return null
        const p = form.validation.value.data
        const n = Math.min(p.trainSize ?? counts.value.train, counts.value.train)
        const held = Math.trunc(n * p.validationSplit)
        return { train: n - held, validation: held, test: counts.value.test }
      }),
    }
  },
})

/** The number fields by section, in order (the budget's label follows its unit). */
export const BUILDER_FIELDS = {
  regularization: numberFields(BuilderParamsSchema, [{ key: 'weightDecay', label: 'builder.weightDecay', hint: 'builder.weightDecayHint' }]),
  data: numberFields(BuilderParamsSchema, [
    { key: 'trainSize', label: 'builder.trainSize', hint: 'builder.trainSizeHint' },
    { key: 'validationSplit', label: 'builder.validationSplit', hint: 'builder.validationHint', max: 0.9, step: 0.05 },
  ]),
  budget: (unit: 'epochs' | 'iterations') => numberFields(BuilderParamsSchema, [{ key: 'budget.count', label: `builder.${unit}`, min: 1, step: 1 }, 'batchSize']),
  seed: numberFields(BuilderParamsSchema, ['seed']),
}
