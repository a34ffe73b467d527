/** User preferences that survive a restart (kept in localStorage). */
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { isLocale, localeFromNavigator, type Locale } from '../i18n'

const LOCALE_KEY = 'gradient-lab.locale'

function readStoredLocale(): Locale | null {
  try {
    const v = localStorage.getItem(LOCALE_KEY)
    return isLocale(v) ? v : null
  } catch {
    return null
  }
}

export const useSettingsStore = defineStore('settings', () => {
  const locale = ref<Locale>(readStoredLocale() ?? localeFromNavigator())

  watch(locale, (l) => {
    try {
      localStorage.setItem(LOCALE_KEY, l)
    } catch {
      // storage unavailable (private mode): the choice lasts for this session only
    }
  })

  function setLocale(l: Locale): void {
    locale.value = l
  }

  return { locale, setLocale }
})
