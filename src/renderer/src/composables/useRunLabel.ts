/**
 * A stored run's label in the user's language, from what its lab stored about it (meta): "trial 3"
 * → "시행 3", "adam" → "Adam", "std=0.01" → "std = 0.01", "no cure" → "치료 없음", "w=0.540 BN" → "W: 0.540 · 배치 정규화 사용".
 * The stored label itself stays language-neutral (CSV headers and the CLI use it).
 */
import { useI18n } from 'vue-i18n'
import type { InitSpec, RunRecord } from '../lib/contract'

export function useRunLabel() {
  const { t, te } = useI18n()
  return function runLabel(run: Pick<RunRecord, 'label' | 'meta'>): string {
    const m = run.meta
    if (typeof m.trial === 'number') return t('random-search.trialN', { n: m.trial })
    if (typeof m.cured === 'boolean') {
      if (!m.cured) return t('overfit.noCure')
      return m.cure === 'dropout' ? t('overfit.curedDropout', { ratio: Number(m.dropout) }) : t('overfit.curedWeightDecay', { lambda: Number(m.weightDecay) })
    }
    const init = m.init as InitSpec | undefined
    if (init && typeof init === 'object' && typeof init.kind === 'string') {
      if (init.kind === 'std') return t('init-mnist.runStd', { std: init.std })
      if (init.kind === 'constant') return t('init-mnist.runConstant', { value: init.value })
      return t(`init-mnist.choice.${init.kind}`)
    }
    if (typeof m.scale === 'number' && typeof m.batchNorm === 'boolean') return `${t('batchnorm.cellName', { w: m.scale.toPrecision(3) })} · ${t(m.batchNorm ? 'batchnorm.withBn' : 'batchnorm.withoutBn')}`
    if (typeof m.optimizer === 'string' && run.label === m.optimizer && te(`optimizer.${m.optimizer}`)) return t(`optimizer.${m.optimizer}`)
    return run.label
  }
}
