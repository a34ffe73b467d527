/**
 * The keyboard's way to select a rectangle on a plot (lab 7's drag-to-zoom without a mouse): Enter
 * shows a selection over the middle half of the plot area; arrows move it by a twentieth of the
 * area, Shift+arrows resize it (right/up grow, left/down shrink); Enter again hands it over as the
 * same pixel rectangle a drag gives; Escape drops it. With `fullHeight` it spans the whole height.
 */
import { computed, ref } from 'vue'
import type { PixelRect } from './useDragRect'

/** The selection as fractions of the plot area: x from the left, y from the bottom. */
interface FracRect {
  x0: number
  x1: number
  y0: number
  y1: number
}
const STEP = 0.05
const MIN = 0.05
const clamp01 = (v: number) => Math.min(1, Math.max(0, v))

export function useKeyRect(opts: { area: () => PixelRect | null; fullHeight: () => boolean; onChange: (r: PixelRect | null, why: 'start' | 'move' | 'cancel') => void; onDone: (r: PixelRect) => void }) {
  const frac = ref<FracRect | null>(null)

  const rect = computed<PixelRect | null>(() => {
    const a = opts.area()
    const f = frac.value
    if (!a || !f) return null
    const w = a.right - a.left
    const h = a.bottom - a.top
    const [y0, y1] = opts.fullHeight() ? [0, 1] : [f.y0, f.y1]
    return { left: a.left + f.x0 * w, right: a.left + f.x1 * w, top: a.bottom - y1 * h, bottom: a.bottom - y0 * h }
  })

  /** Moves [lo, hi] by d, keeping its size inside 0…1. */
  const shift = (lo: number, hi: number, d: number): [number, number] => {
    const dd = Math.min(1 - hi, Math.max(-lo, d))
    return [lo + dd, hi + dd]
  }
  function arrow(f: FracRect, key: string, resize: boolean): FracRect {
    const horizontal = key === 'ArrowLeft' || key === 'ArrowRight'
    const d = key === 'ArrowLeft' || key === 'ArrowDown' ? -STEP : STEP
    if (resize && horizontal) return { ...f, x1: clamp01(Math.max(f.x0 + MIN, f.x1 + d)) }
    if (resize) return { ...f, y1: clamp01(Math.max(f.y0 + MIN, f.y1 + d)) }
    if (horizontal) {
      const [x0, x1] = shift(f.x0, f.x1, d)
      return { ...f, x0, x1 }
    }
    const [y0, y1] = shift(f.y0, f.y1, d)
    return { ...f, y0, y1 }
  }

  function onKeydown(e: KeyboardEvent): void {
    const f = frac.value
    if (e.key === 'Enter' && !f) {
      frac.value = { x0: 0.25, x1: 0.75, y0: 0.25, y1: 0.75 }
      opts.onChange(rect.value, 'start')
    } else if (e.key === 'Enter' && f) {
      const r = rect.value
      frac.value = null
      if (r) opts.onDone(r)
    } else if (e.key === 'Escape' && f) {
      frac.value = null
      opts.onChange(null, 'cancel')
    } else if (f && e.key.startsWith('Arrow')) {
      frac.value = arrow(f, e.key, e.shiftKey)
      opts.onChange(rect.value, 'move')
    } else return
    e.preventDefault()
  }

  return { rect, onKeydown, cancel: () => (frac.value = null) }
}
