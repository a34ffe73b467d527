/** Lab 2's form, derived from its parameter schema: network, init, the optimizers to race and the budget. */
import { computed } from 'vue'
import { initChoice, optimizerIssueKey, optimizerToggles, racing } from '@renderer/composables/formCodecs'
import { defineSchemaForm, hiddenRowActions, hiddenRows } from '@renderer/composables/useSchemaForm'
import { OptimizersMnistParamsSchema } from '@renderer/lib/contract'
import { numberFields } from '@renderer/lib/forms'

export const useOptimizersMnistForm = defineSchemaForm('optimizers-mnist', OptimizersMnistParamsSchema, {
  codecs: { hidden: hiddenRows, init: initChoice, optimizers: optimizerToggles() },
  issueKey: (path, draft) => optimizerIssueKey(path, draft.optimizers),
  extend: (form) => ({
    ...hiddenRowActions(() => form.draft.hidden),
    /** The optimizers in the race, in the app's fixed order (the order of the runs). */
    racing: computed(() => racing(form.draft.optimizers)),
  }),
})

/** The training fields, in order. */
export const OPTIMIZERS_MNIST_FIELDS = numberFields(OptimizersMnistParamsSchema, ['batchSize', 'iterations', 'evalEvery', 'seed'])
