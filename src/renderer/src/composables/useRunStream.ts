/**
 * Connects the backend's event stream to the stores: live run state to the runs store,
 * experiment changes to `useExperimentsStore`. Called once, by the app shell. After the link
 * was down, everything shown is reloaded, since events may have been missed meanwhile.
 */
import { onScopeDispose, watch } from 'vue'
import { connectionState, useApi } from '../api/client'
import { useExperimentsStore } from '../stores/experiments'
import { useRunsStore } from '../stores/runs'

export function useRunStream(): void {
  const api = useApi()
  const live = useRunsStore()
  const experiments = useExperimentsStore()

  const off = api.onEvent((e) => {
    live.apply(e)
    experiments.onEvent(e)
  })
  onScopeDispose(off)

  let wasDown = false
  watch(connectionState, (s) => {
    if (s === 'reconnecting' || s === 'lost') wasDown = true
    else if (s === 'connected' && wasDown) {
      wasDown = false
      experiments.refreshAll()
    }
  })
}
