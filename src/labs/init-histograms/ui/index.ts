/** Lab init-histograms's UI: its page, its result view and its form (see src/renderer/src/labs/ui.ts). */
import { defineLabUi } from '@renderer/labs/ui'
import { useInitHistogramsForm } from './initHistogramsForm'

export default defineLabUi({
  page: () => import('./LabInitHistograms.vue'),
  results: () => import('./HistogramsResultView.vue'),
  form: useInitHistogramsForm,
})
