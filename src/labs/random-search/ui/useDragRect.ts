/**
 * A rectangle dragged with the mouse (or pen, or a finger) inside a box, e.g. a chart's plot area:
 * the rectangle while dragging (for an overlay), and `onDone` with the final one in the element's
 * pixels. Drags smaller than `minSize` are treated as clicks and ignored.
 */
import { ref } from 'vue'

export interface PixelRect {
  left: number
  top: number
  right: number
  bottom: number
}

export function useDragRect(opts: { area: () => PixelRect | null; onDone: (r: PixelRect) => void; minSize?: number; fullHeight?: () => boolean }) {
  const rect = ref<PixelRect | null>(null)
  let start: { x: number; y: number } | null = null

  const local = (e: PointerEvent) => {
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect()
    return { x: e.clientX - box.left, y: e.clientY - box.top }
  }
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v))

  function update(p: { x: number; y: number }): void {
    const a = opts.area()
    if (!a || !start) return
    const x = clamp(p.x, a.left, a.right)
    const y = clamp(p.y, a.top, a.bottom)
    const full = opts.fullHeight?.() === true
    rect.value = { left: Math.min(start.x, x), right: Math.max(start.x, x), top: full ? a.top : Math.min(start.y, y), bottom: full ? a.bottom : Math.max(start.y, y) }
  }

  function down(e: PointerEvent): void {
    const a = opts.area()
    const p = local(e)
    if (e.button !== 0 || !a || p.x < a.left || p.x > a.right || p.y < a.top || p.y > a.bottom) return
    start = p
    ;(e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId)
    update(p)
  }
  function move(e: PointerEvent): void {
    if (start) update(local(e))
  }
  function up(e: PointerEvent): void {
    if (!start) return
    update(local(e))
    const r = rect.value
    start = null
    rect.value = null
    const min = opts.minSize ?? 6
    if (r && r.right - r.left >= min && (opts.fullHeight?.() || r.bottom - r.top >= min)) opts.onDone(r)
  }
  function cancel(): void {
    start = null
    rect.value = null
  }

  return { rect, handlers: { pointerdown: down, pointermove: move, pointerup: up, pointercancel: cancel } }
}
