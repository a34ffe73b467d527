/** Lab 3's names of initial weights and activations in the user's language ("std 0.01", "Xavier", "시그모이드"). */
import { useI18n } from 'vue-i18n'
import type { Activation, InitSpec } from '../lib/contract'

export function useInitNames() {
  const { t } = useI18n()
  function initName(init: InitSpec): string {
    if (init.kind === 'std') return t('lab3.init.std', { std: init.std })
    if (init.kind === 'constant') return t('lab3.init.constant', { value: init.value })
    return t(`lab3.init.${init.kind}`)
  }
  const activationName = (a: Activation): string => t(`activation.${a}`)
  const cellName = (init: InitSpec, a: Activation): string => `${initName(init)} × ${activationName(a)}`
  return { initName, activationName, cellName }
}
