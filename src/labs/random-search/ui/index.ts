/** Lab random-search's UI: its form, its result view and its settings on the shared run page (see src/renderer/src/labs/ui.ts). */
import { defineLabUi } from '@renderer/labs/ui'
import type { RandomSearchParams } from '@renderer/lib/contract'
import { useRandomSearchForm } from './randomSearchForm'

export default defineLabUi<RandomSearchParams>({
  form: useRandomSearchForm,
  results: () => import('./SearchResults.vue'),
  run: {
    settings: () => import('./SearchForm.vue'),
    // Named in the user's language, e.g. "Random search: 100 trials over η × λ".
    name: (p, t) => t('random-search.name', { n: p.trials, params: p.ranges.map((r) => t(`random-search.sym.${r.param}`)).join(' × ') }),
    emptyText: 'random-search.emptyText',
    settingsWidth: 400,
    pausable: true,
  },
})
