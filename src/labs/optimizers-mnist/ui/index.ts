/** Lab optimizers-mnist's UI: its page and its form (see src/renderer/src/labs/ui.ts). */
import { defineLabUi } from '@renderer/labs/ui'
import { useOptimizersMnistForm } from './optimizersMnistForm'

export default defineLabUi({
  page: () => import('./LabOptimizersMnist.vue'),
  form: useOptimizersMnistForm,
})
