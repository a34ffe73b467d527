/**
 * vue-i18n (Composition API mode) with the app's two locales: the app's own messages (en.ts, ko.ts)
 * and each lab's texts (src/labs/<lab-id>/texts/<locale>.ts) under the message key of its lab id,
 * so `t('overfit.title')` is lab overfit's title.
 */
import { createI18n } from 'vue-i18n'
import { LAB_IDS } from '../lib/contract'
import en, { type MessageSchema } from './en'
import ko from './ko'

export const LOCALES = ['en', 'ko'] as const
export type Locale = (typeof LOCALES)[number]

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v)
}

/** Korean when the browser/OS language is Korean, English otherwise. */
export function localeFromNavigator(language: string = navigator.language ?? 'en'): Locale {
  return language.toLowerCase().startsWith('ko') ? 'ko' : 'en'
}

type LabTexts = Record<string, unknown>
const labTextFiles = import.meta.glob<LabTexts>('../../../labs/*/texts/*.ts', { eager: true, import: 'default' })

/** Every lab's texts in one locale, keyed by lab id; a lab without them is a build error, not a blank page. */
function labMessages(locale: Locale): Record<string, LabTexts> {
  return Object.fromEntries(
    LAB_IDS.map((id) => {
      const texts = labTextFiles[`../../../labs/${id}/texts/${locale}.ts`]
      if (!texts) throw new Error(`lab '${id}' has no texts/${locale}.ts`)
      return [id, texts]
    }),
  )
}

export function createAppI18n(locale: Locale) {
  return createI18n<[MessageSchema & Record<string, unknown>], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { en: { ...en, ...labMessages('en') }, ko: { ...ko, ...labMessages('ko') } },
  })
}

export type { MessageSchema }
