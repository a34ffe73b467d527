/** Lab builder's UI: its page, its result view and its form (see src/renderer/src/labs/ui.ts). */
import { defineLabUi } from '@renderer/labs/ui'
import { useBuilderForm } from './builderForm'

export default defineLabUi({
  page: () => import('./LabBuilder.vue'),
  results: () => import('./BuilderResults.vue'),
  form: useBuilderForm,
})
