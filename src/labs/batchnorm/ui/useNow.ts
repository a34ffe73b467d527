/** The current time as a ref, ticking every `everyMs` while `enabled` is true (for ETAs that count down). */
import { onScopeDispose, ref, watch, type Ref } from 'vue'

export function useNow(enabled: Ref<boolean>, everyMs = 1000): Ref<number> {
  const now = ref(Date.now())
  let timer: ReturnType<typeof setInterval> | undefined
  watch(
    enabled,
    (on) => {
      clearInterval(timer)
      timer = on ? setInterval(() => (now.value = Date.now()), everyMs) : undefined
      now.value = Date.now()
    },
    { immediate: true },
  )
  onScopeDispose(() => clearInterval(timer))
  return now
}
