/** Lab 5's form, derived from its parameter schema: network, how many of the 16 weight scales, SGD and the epochs. */
import { defineSchemaForm, hiddenRowActions, hiddenRows } from '@renderer/composables/useSchemaForm'
import { BatchnormParamsSchema } from '@renderer/lib/contract'
import { numberFields } from '@renderer/lib/forms'

export const useBatchnormForm = defineSchemaForm('batchnorm', BatchnormParamsSchema, {
  codecs: { hidden: hiddenRows },
  extend: (form) => hiddenRowActions(() => form.draft.hidden),
})

/** The number fields by section, in order. */
export const BATCHNORM_FIELDS = {
  scales: numberFields(BatchnormParamsSchema, [{ key: 'scales', label: 'batchnorm.scales', hint: 'batchnorm.scalesHint' }]),
  training: numberFields(BatchnormParamsSchema, ['trainSize', 'epochs', 'lr', 'batchSize', 'seed']),
}
