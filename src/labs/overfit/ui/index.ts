/** Lab overfit's UI: its form, its result view and its settings on the shared run page (see src/renderer/src/labs/ui.ts). */
import { defineLabUi } from '@renderer/labs/ui'
import type { OverfitParams } from '@renderer/lib/contract'
import { useOverfitForm } from './overfitForm'

export default defineLabUi<OverfitParams>({
  form: useOverfitForm,
  results: () => import('./OverfitResults.vue'),
  run: {
    settings: () => import('./OverfitForm.vue'),
    name: (p, t) => t('overfit.experimentName', { cured: p.cure === 'dropout' ? t('overfit.curedDropout', { ratio: p.dropout }) : t('overfit.curedWeightDecay', { lambda: p.lambda }) }),
    emptyText: 'overfit.emptyText',
  },
})
