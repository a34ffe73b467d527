/** Lab random-search's UI: its page, its result view and its form (see src/renderer/src/labs/ui.ts). */
import { defineLabUi } from '@renderer/labs/ui'
import { useRandomSearchForm } from './randomSearchForm'

export default defineLabUi({
  page: () => import('./LabRandomSearch.vue'),
  results: () => import('./SearchResults.vue'),
  form: useRandomSearchForm,
})
