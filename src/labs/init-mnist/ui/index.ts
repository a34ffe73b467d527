/** Lab init-mnist's UI: its form, its result view and its settings on the shared run page (see src/renderer/src/labs/ui.ts). */
import { defineLabUi } from '@renderer/labs/ui'
import type { InitMnistParams } from '@renderer/lib/contract'
import { useInitMnistForm } from './initMnistForm'

export default defineLabUi<InitMnistParams>({
  form: useInitMnistForm,
  results: () => import('./InitMnistResults.vue'),
  run: {
    settings: () => import('./InitMnistForm.vue'),
    // Short names (std=0.01, Xavier, He) keep the experiment's name on one line.
    name: (p, t) =>
      `${t('init-mnist.title')}: ${p.inits.map((i) => (i.kind === 'std' ? t('init-mnist.runStd', { std: i.std }) : i.kind === 'zero' ? t('init.zero') : i.kind === 'xavier' ? 'Xavier' : 'He')).join(', ')}`,
    emptyText: 'init-mnist.emptyText',
  },
})
