/**
 * A run fact's value as the user reads it, in their language: "builder" → "Your own network",
 * "2 epochs" → "에폭 2", "replacement" → "With replacement (book)", "adam" → "Adam". The facts
 * themselves (and the JSON export) keep the language-neutral values.
 */
import { useI18n } from 'vue-i18n'
import { LAB_CATALOG } from '../labs/catalog'
import type { FactKey } from '../lib/runDiff'

export function useFactText() {
  const { t, te } = useI18n()

  return function factText(key: FactKey, value: string | undefined): string {
    if (value === undefined) return '—'
    switch (key) {
      case 'lab': {
        const lab = LAB_CATALOG.find((l) => l.id === value)
        return lab ? t(`${lab.id}.short`) : value
      }
      case 'optimizer':
        return te(`optimizer.${value}`) ? t(`optimizer.${value}`) : value
      case 'budget': {
        const [count, unit] = value.split(' ')
        return t(unit === 'epochs' ? 'compare.values.epochs' : 'compare.values.iterations', { n: count })
      }
      case 'sampling':
        return te(`builder.${value}`) ? t(`builder.${value}`) : value
      case 'dropoutMode':
        return te(`compare.values.${value}`) ? t(`compare.values.${value}`) : value
      case 'data':
        return value === 'builtin-mnist' ? t('compare.values.builtin') : value
      case 'trainSize':
        return value === 'all' ? t('compare.values.all') : value
      case 'hidden':
        // "100 BN relu → 100 relu drop 0.2": the words in the user's language, the numbers as they are.
        return value
          .split(' ')
          .map((w) => (w === 'drop' ? t('compare.values.drop') : w === 'BN' ? t('compare.values.bn') : te(`activation.${w}`) ? t(`activation.${w}`) : w))
          .join(' ')
      default:
        return value
    }
  }
}
