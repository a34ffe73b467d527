/** Lab paths-2d's UI: its page, its result view and its form (see src/renderer/src/labs/ui.ts). */
import { defineLabUi } from '@renderer/labs/ui'
import { usePaths2dForm } from './paths2dForm'

export default defineLabUi({
  page: () => import('./LabPaths2d.vue'),
  results: () => import('./PathsResultView.vue'),
  form: usePaths2dForm,
})
