import { createPinia } from 'pinia'
import { createApp, watch } from 'vue'
import App from './App.vue'
import { createAppI18n } from './i18n'
import { createAppRouter } from './router'
import { useSettingsStore } from './stores/settings'
import './styles/font.css'
import './styles/base.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)

const settings = useSettingsStore(pinia)
const i18n = createAppI18n(settings.locale)
watch(
  () => settings.locale,
  (locale) => {
    i18n.global.locale.value = locale
    document.documentElement.lang = locale
  },
  { immediate: true },
)

app.use(i18n)
app.use(createAppRouter())
app.mount('#app')
