/** Lab builder's UI: its form, its result view and its settings on the shared run page (see src/renderer/src/labs/ui.ts). */
import { defineLabUi } from '@renderer/labs/ui'
import { initLabel, type BuilderParams } from '@renderer/lib/contract'
import { useBuilderForm } from './builderForm'

type Translate = (key: string, named?: Record<string, unknown>) => string

/** The blocks as Compare shows them: "32 BN ReLU → 16 tanh dropout 0.1", the words in the user's language. */
function blocksText(p: BuilderParams, t: Translate): string {
  return p.hidden
    .map((b) => [b.width, b.batchNorm ? t('compare.values.bn') : '', t(`activation.${b.activation}`), b.dropout > 0 ? `${t('compare.values.drop')} ${b.dropout}` : ''].filter(Boolean).join(' '))
    .join(' → ')
}

/** The data set as History shows it: "MNIST (built-in)", "Fashion-MNIST" or the IDX folder's name. */
function datasetName(p: BuilderParams, t: Translate): string {
  if (p.dataset.kind === 'builtin-mnist') return t('compare.values.builtin')
  const dir = p.dataset.dir.replace(/[\\/]+$/, '')
  return /fashion-mnist$/i.test(dir) ? 'Fashion-MNIST' : (dir.split(/[\\/]/).pop() ?? dir)
}

export default defineLabUi<BuilderParams>({
  form: useBuilderForm,
  results: () => import('./BuilderResults.vue'),
  run: {
    settings: () => import('./BuilderForm.vue'),
    // Named in the user's language, e.g. "나의 신경망: 32 배치 정규화 ReLU → 16 tanh, He, Adam, MNIST (내장)".
    name: (p, t) => `${t('builder.title')}: ${[blocksText(p, t), initLabel(p.init), t(`optimizer.${p.optimizer.kind}`), datasetName(p, t)].join(', ')}`,
    emptyText: 'builder.emptyText',
    settingsWidth: 410,
  },
})
