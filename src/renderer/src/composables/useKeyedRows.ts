/**
 * An editable list of rows with stable keys (for v-for and for keeping focus on a moved row):
 * replace all, append, remove and move one up or down.
 */
import { ref, type Ref } from 'vue'

export type Keyed<T> = T & { key: number }

export function useKeyedRows<T extends object>() {
  let nextKey = 1
  const rows = ref([]) as Ref<Keyed<T>[]>

  function set(items: readonly T[]): void {
    rows.value = items.map((item) => ({ ...item, key: nextKey++ }))
  }
  function add(item: T): void {
    rows.value.push({ ...item, key: nextKey++ })
  }
  function remove(index: number): void {
    rows.value.splice(index, 1)
  }
  /** Moves row `index` by `delta` places (−1 = up); does nothing past either end. */
  function move(index: number, delta: number): boolean {
    const to = index + delta
    if (index < 0 || index >= rows.value.length || to < 0 || to >= rows.value.length) return false
    const [row] = rows.value.splice(index, 1)
    rows.value.splice(to, 0, row!)
    return true
  }

  return { rows, set, add, remove, move }
}
