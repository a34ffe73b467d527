/** Lab 3's names of initial weights and activations in the user's language ("std 0.01", "Xavier", "시그모이드"). */
import { useI18n } from 'vue-i18n'
import type { Activation, InitSpec } from '@renderer/lib/contract'

export function useInitNames() {
  const { t } = useI18n()
  function initName(init: InitSpec): string {
    if (init.kind === 'std') return t('init-histograms.init.std', { std: init.std })
    if (init.kind === 'constant') return t('init-histograms.init.constant', { value: init.value })
    return t(`init-histograms.init.${init.kind}`)
  }
  const activationName = (a: Activation): string => t(`activation.${a}`)
  const cellName = (init: InitSpec, a: Activation): string => `${initName(init)} × ${activationName(a)}`
  return { initName, activationName, cellName }
}
