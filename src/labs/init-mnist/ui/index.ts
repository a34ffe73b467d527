/** Lab init-mnist's UI: its page, its result view and its form (see src/renderer/src/labs/ui.ts). */
import { defineLabUi } from '@renderer/labs/ui'
import { useInitMnistForm } from './initMnistForm'

export default defineLabUi({
  page: () => import('./LabInitMnist.vue'),
  results: () => import('./InitMnistResults.vue'),
  form: useInitMnistForm,
})
