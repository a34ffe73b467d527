/**
 * The charts of one small-multiples grid, by item key: each cell registers its live chart, and the
 * grid composes them, in its items' order, into one PNG. (A v-for ref array keeps neither the
 * order nor the keys, so cells register themselves through provide/inject.)
 */
import type { Chart } from 'chart.js'
import { inject, onBeforeUnmount, provide, type InjectionKey } from 'vue'

export type MultiplesKey = string | number
type Registry = Map<MultiplesKey, () => Chart | null>
const KEY: InjectionKey<Registry> = Symbol('multiples')

/** In the grid: the registry its cells fill, and the charts of the given keys (those drawn). */
export function provideMultiples() {
  const registry: Registry = new Map()
  provide(KEY, registry)
  const charts = (keys: MultiplesKey[]): Chart[] => keys.map((k) => registry.get(k)?.() ?? null).filter((c): c is Chart => c !== null)
  return { charts }
}

/** In a cell: registers its chart under its key for as long as the cell lives (outside a grid, nothing). */
export function registerMultiple(key: () => MultiplesKey, chart: () => Chart | null): void {
  const registry = inject(KEY, null)
  if (!registry) return
  const k = key()
  registry.set(k, chart)
  onBeforeUnmount(() => {
    if (registry.get(k) === chart) registry.delete(k)
  })
}

/** Ticks only on the outer cells, as the book's grids: x on the last row, y on the first column. */
export function outerTicks(index: number, count: number, columns: number): { xTicks: boolean; yTicks: boolean } {
  return { xTicks: Math.floor(index / columns) === Math.floor((count - 1) / columns), yTicks: index % columns === 0 }
}

/** Round epoch ticks, about five per cell. */
export const epochStep = (n: number): number => [1, 2, 5, 10, 20, 50, 100, 200, 500].find((s) => n / s <= 5) ?? 1000
