/** The hidden layer widths of a form as keyed rows (stable keys for v-for), added and removed one by one. */
import { ref } from 'vue'
import type { NumberField } from '../lib/forms'

export interface HiddenRow {
  key: number
  width: NumberField
}

export function useHiddenLayers() {
  let nextKey = 1
  const hidden = ref<HiddenRow[]>([])

  function setWidths(widths: readonly number[]): void {
    hidden.value = widths.map((width) => ({ key: nextKey++, width }))
  }
  function addLayer(): void {
    const last = hidden.value[hidden.value.length - 1]
    hidden.value.push({ key: nextKey++, width: last?.width ?? 100 })
  }
  function removeLayer(index: number): void {
    hidden.value.splice(index, 1)
  }

  return { hidden, setWidths, addLayer, removeLayer, widths: () => hidden.value.map((r) => r.width) }
}
