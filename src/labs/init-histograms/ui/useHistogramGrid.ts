/**
 * Lab 3's live grid: the settings' cells from the cell store, requested (debounced) whenever the
 * valid settings change; while a field is invalid the last valid grid stays on screen.
 */
import { computed, onBeforeUnmount, watch } from 'vue'
import type { InitHistogramsParams } from '@renderer/lib/contract'
import { cellKey } from '@renderer/lib/histogramJobs'
import { gridRows } from '@figures/histogramGrid'
import { useHistogramCells } from './histogramCells'
import { useInitHistogramsForm } from './initHistogramsForm'

const DEBOUNCE_MS = 150

export function useHistogramGrid() {
  const form = useInitHistogramsForm()
  const store = useHistogramCells()
  let lastGood: InitHistogramsParams = form.validation.success ? form.validation.data : JSON.parse(JSON.stringify(form.params))
  const params = computed<InitHistogramsParams>(() => {
    if (form.validation.success) lastGood = form.validation.data
    return lastGood
  })

  let timer: ReturnType<typeof setTimeout> | null = null
  watch(
    () => JSON.stringify(params.value),
    (now, before) => {
      if (timer) clearTimeout(timer)
      if (before === undefined) store.request(params.value)
      else timer = setTimeout(() => store.request(params.value), DEBOUNCE_MS)
    },
    { immediate: true },
  )
  onBeforeUnmount(() => timer && clearTimeout(timer))

  const rows = computed(() => {
    const { inits, activations, ...base } = params.value
    return gridRows(inits, activations, (init, activation) => {
      const key = cellKey(base, init, activation)
      return { key, data: store.cells.get(key) ?? null }
    })
  })

  return { params, rows, pending: computed(() => store.pending) }
}
