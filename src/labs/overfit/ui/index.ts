/** Lab overfit's UI: its page, its result view and its form (see src/renderer/src/labs/ui.ts). */
import { defineLabUi } from '@renderer/labs/ui'
import { useOverfitForm } from './overfitForm'

export default defineLabUi({
  page: () => import('./LabOverfit.vue'),
  results: () => import('./OverfitResults.vue'),
  form: useOverfitForm,
})
