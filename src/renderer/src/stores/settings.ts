/** User preferences that survive a restart (kept in localStorage): the language and presentation mode. */
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { isLocale, localeFromNavigator, type Locale } from '../i18n'

const LOCALE_KEY = 'gradient-lab.locale'
const PRESENTATION_KEY = 'gradient-lab.presentation'

function read(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value)
  } catch {
    // storage unavailable (private mode): the choice lasts for this session only
  }
}

function readStoredLocale(): Locale | null {
  const v = read(LOCALE_KEY)
  return isLocale(v) ? v : null
}

export const useSettingsStore = defineStore('settings', () => {
  const locale = ref<Locale>(readStoredLocale() ?? localeFromNavigator())
  /** Presentation mode, for a projector: larger type and lines, one figure at a time. */
  const presentation = ref(read(PRESENTATION_KEY) === 'true')

  watch(locale, (l) => write(LOCALE_KEY, l))
  watch(presentation, (on) => write(PRESENTATION_KEY, String(on)))

  function setLocale(l: Locale): void {
    locale.value = l
  }

  return { locale, setLocale, presentation }
})
