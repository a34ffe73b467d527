/**
 * Why the queued runs of a list wait ("queued behind 2 runs of 'Random search'"): while any of
 * them is queued, asks activeRuns every 1.5 s (the fair queue moves as other runs end) and
 * keeps each queued run's `waitingBehind`.
 */
import { onBeforeUnmount, ref, watch, type Ref } from 'vue'
import { useApi } from '../api/client'
import type { ActiveRun } from '../lib/contract'

type WaitingBehind = NonNullable<ActiveRun['waitingBehind']>

export function useQueueReasons(queued: Ref<number[]>) {
  const api = useApi()
  const reasons = ref<Record<number, WaitingBehind>>({})
  let timer: ReturnType<typeof setInterval> | null = null

  async function refresh(): Promise<void> {
    const active = await api.activeRuns({}).catch(() => null)
    if (!active) return
    const next: Record<number, WaitingBehind> = {}
    for (const a of active) if (a.status === 'queued' && a.waitingBehind?.length) next[a.runId] = a.waitingBehind
    reasons.value = next
  }

  function stop(): void {
    if (timer) clearInterval(timer)
    timer = null
  }

  watch(
    () => queued.value.length > 0,
    (any) => {
      stop()
      if (!any) return void (reasons.value = {})
      void refresh()
      timer = setInterval(() => void refresh(), 1500)
    },
    { immediate: true },
  )
  onBeforeUnmount(stop)
  return reasons
}
