/** vue-i18n (Composition API mode) with the app's two locales. */
import { createI18n } from 'vue-i18n'
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

export function createAppI18n(locale: Locale) {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { en, ko },
  })
}

export type { MessageSchema }
