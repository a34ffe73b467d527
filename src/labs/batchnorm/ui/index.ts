/** Lab batchnorm's UI: its page, its result view and its form (see src/renderer/src/labs/ui.ts). */
import { defineLabUi } from '@renderer/labs/ui'
import { useBatchnormForm } from './batchnormForm'

export default defineLabUi({
  page: () => import('./LabBatchnorm.vue'),
  results: () => import('./BatchnormResults.vue'),
  form: useBatchnormForm,
})
