/** Lab batchnorm's UI: its form, its result view and its settings on the shared run page (see src/renderer/src/labs/ui.ts). */
import { defineLabUi } from '@renderer/labs/ui'
import type { BatchnormParams } from '@renderer/lib/contract'
import { useBatchnormForm } from './batchnormForm'

export default defineLabUi<BatchnormParams>({
  form: useBatchnormForm,
  results: () => import('./BatchnormResults.vue'),
  run: {
    settings: () => import('./BatchnormForm.vue'),
    name: (p, t) => t('batchnorm.experimentName', { n: p.scales }),
    emptyText: 'batchnorm.emptyText',
  },
})
