/** Lab optimizers-mnist's UI: its form and its settings on the shared run page (see src/renderer/src/labs/ui.ts). */
import { defineLabUi } from '@renderer/labs/ui'
import type { OptimizersMnistParams } from '@renderer/lib/contract'
import { useOptimizersMnistForm } from './optimizersMnistForm'

export default defineLabUi<OptimizersMnistParams>({
  form: useOptimizersMnistForm,
  run: {
    settings: () => import('./OptimizersMnistForm.vue'),
    // Named in the user's language, e.g. "Optimizers on MNIST: SGD, Adam".
    name: (p, t) => `${t('optimizers-mnist.title')}: ${p.optimizers.map((o) => t(`optimizer.${o.kind}`)).join(', ')}`,
  },
})
