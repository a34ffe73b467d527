/** Lab builder's UI: its form, its result view and its settings on the shared run page (see src/renderer/src/labs/ui.ts). */
import { defineLabUi } from '@renderer/labs/ui'
import { describeNetwork, type BuilderParams } from '@renderer/lib/contract'
import { useBuilderForm } from './builderForm'

export default defineLabUi<BuilderParams>({
  form: useBuilderForm,
  results: () => import('./BuilderResults.vue'),
  run: {
    settings: () => import('./BuilderForm.vue'),
    // Named in the user's language, e.g. "Your own network: 32 BN relu → 16 tanh, He, adam".
    name: (p, t) => `${t('builder.title')}: ${describeNetwork(p)}`,
    emptyText: 'builder.emptyText',
    settingsWidth: 410,
  },
})
