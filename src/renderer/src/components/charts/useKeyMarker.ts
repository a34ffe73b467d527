/**
 * A contour plot's start point moved with the keyboard (lab 1's click-to-start, without a mouse):
 * arrows move a marker by a fiftieth of the domain (Shift: a tenth), clamped to it; Enter picks it;
 * Escape puts it back on the current start. Rounded to two decimals, as a clicked start point is.
 * Every move and pick is said in `said` (an aria-live region shows it).
 */
import { computed, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ContourField } from '@figures/contourField'
import { toPixel, type ContourLayout } from '@figures/contourPlot'
import type { Point2 } from '../../lib/contract'

const round2 = (v: number): number => Math.round(v * 100) / 100
export const fmt2 = (v: number): string => v.toFixed(2).replace('-', '−')
const ARROWS: Record<string, Point2> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] }

export function useKeyMarker(opts: { enabled: () => boolean; field: () => ContourField; layout: () => ContourLayout; home: () => readonly number[] | null | undefined; onPick: (p: Point2) => void }) {
  const { t } = useI18n()
  /** Where the marker is while it is being moved (null: not moved since the last pick or Escape). */
  const marker = ref<Point2 | null>(null)
  const said = ref('')
  watch(opts.home, () => (marker.value = null))
  const markerAt = computed(() => (marker.value ? toPixel(opts.layout(), opts.field(), ...marker.value) : null))

  const clamp = (v: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, v))
  const current = (): Point2 => {
    const h = opts.home()
    return marker.value ?? [Number(h?.[0] ?? 0), Number(h?.[1] ?? 0)]
  }

  /** Handles one of our keys (and keeps it from scrolling the page); other keys pass. */
  function onKeydown(e: KeyboardEvent): void {
    if (!opts.enabled()) return
    const dir = ARROWS[e.key]
    if (dir) {
      const { x, y } = opts.field().domain
      const k = e.shiftKey ? 10 : 50
      const [px, py] = current()
      marker.value = [round2(clamp(px + (dir[0] * (x[1] - x[0])) / k, x)), round2(clamp(py + (dir[1] * (y[1] - y[0])) / k, y))]
      said.value = t('figures.pickStart.at', { x: fmt2(marker.value[0]), y: fmt2(marker.value[1]) })
    } else if (e.key === 'Enter' && marker.value) {
      const p = marker.value
      marker.value = null
      said.value = t('figures.pickStart.started', { x: fmt2(p[0]), y: fmt2(p[1]) })
      opts.onPick(p)
    } else if (e.key === 'Escape' && marker.value) {
      marker.value = null
    } else return
    e.preventDefault()
  }

  return { marker, markerAt, said, onKeydown }
}
