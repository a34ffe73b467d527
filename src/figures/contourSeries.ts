/**
 * The paths on a contour plot: each as dots joined by lines up to the current step (the rest
 * faint), the current points, the minimum "+" (a saddle "×") and the start ring.
 */
import type { Context2D } from './canvas'
import type { ContourField } from './contourField'
import { clip, toPixel, type ContourLayout } from './contourPlot'

export interface PlotSeries {
  id: string
  label: string
  color: string
  /** Points in data coordinates; null or non-finite entries break the line (a diverged path). */
  points: readonly (readonly number[] | null)[]
}

function finite(p: readonly number[] | null | undefined): p is readonly [number, number] {
  return !!p && Number.isFinite(p[0]) && Number.isFinite(p[1])
}

function polyline(ctx: Context2D, l: ContourLayout, f: ContourField, pts: readonly (readonly number[] | null)[], from: number, to: number): void {
  ctx.beginPath()
  let pen = false
  for (let k = from; k <= to && k < pts.length; k++) {
    const p = pts[k]
    if (!finite(p)) {
      pen = false
      continue
    }
    const [px, py] = toPixel(l, f, p[0], p[1])
    if (pen) ctx.lineTo(px, py)
    else ctx.moveTo(px, py)
    pen = true
  }
  ctx.stroke()
}

function dots(ctx: Context2D, l: ContourLayout, f: ContourField, pts: readonly (readonly number[] | null)[], from: number, to: number, r: number): void {
  if (r <= 0) return
  ctx.beginPath()
  for (let k = from; k <= to && k < pts.length; k++) {
    const p = pts[k]
    if (!finite(p)) continue
    const [px, py] = toPixel(l, f, p[0], p[1])
    ctx.moveTo(px + r, py)
    ctx.arc(px, py, r, 0, Math.PI * 2)
  }
  ctx.fill()
}

function cross(ctx: Context2D, px: number, py: number, s: number, diagonal: boolean): void {
  ctx.beginPath()
  if (diagonal) {
    ctx.moveTo(px - s, py - s)
    ctx.lineTo(px + s, py + s)
    ctx.moveTo(px - s, py + s)
    ctx.lineTo(px + s, py - s)
  } else {
    ctx.moveTo(px - s, py)
    ctx.lineTo(px + s, py)
    ctx.moveTo(px, py - s)
    ctx.lineTo(px, py + s)
  }
  ctx.stroke()
}

/** The paths up to step `upto` (the rest faint), the current points, the minimum "+" and the start ring. */
export function drawContourSeries(
  ctx: Context2D,
  l: ContourLayout,
  f: ContourField,
  series: readonly PlotSeries[],
  upto: number,
  opts: { compact?: boolean; start?: readonly number[] | null },
): void {
  const compact = opts.compact === true
  ctx.save()
  clip(ctx, l.plot)
  ctx.lineJoin = 'round'
  ctx.strokeStyle = '#1f2937'
  ctx.lineWidth = 2
  for (const [x, y] of f.minima) cross(ctx, ...toPixel(l, f, x, y), compact ? 5 : 7, false)
  for (const [x, y] of f.saddles) cross(ctx, ...toPixel(l, f, x, y), compact ? 4 : 5.5, true)
  for (const s of series) {
    // Dots only while they stay apart; a long path (hundreds of steps) is drawn as a line.
    const many = s.points.length > 150
    const r = s.points.length > 400 ? 0 : compact ? (many ? 1 : 1.9) : many ? 1.3 : 2.6
    ctx.strokeStyle = s.color
    ctx.fillStyle = s.color
    if (upto < s.points.length - 1) {
      ctx.globalAlpha = 0.2
      ctx.lineWidth = 1
      polyline(ctx, l, f, s.points, upto, s.points.length - 1)
      dots(ctx, l, f, s.points, upto + 1, s.points.length - 1, r * 0.7)
    }
    ctx.globalAlpha = 1
    ctx.lineWidth = compact ? 1.2 : 1.5
    polyline(ctx, l, f, s.points, 0, upto)
    dots(ctx, l, f, s.points, 0, upto, r)
  }
  for (const s of series) {
    const p = s.points[Math.min(upto, s.points.length - 1)]
    if (!finite(p)) continue
    const [px, py] = toPixel(l, f, p[0], p[1])
    ctx.beginPath()
    ctx.arc(px, py, compact ? 3.6 : 4.8, 0, Math.PI * 2)
    ctx.fillStyle = s.color
    ctx.fill()
    ctx.lineWidth = 1.5
    ctx.strokeStyle = '#ffffff'
    ctx.stroke()
  }
  if (finite(opts.start)) {
    const [px, py] = toPixel(l, f, opts.start[0], opts.start[1])
    ctx.beginPath()
    ctx.arc(px, py, compact ? 4.5 : 6.5, 0, Math.PI * 2)
    ctx.lineWidth = 1.3
    ctx.strokeStyle = '#111827'
    ctx.stroke()
  }
  ctx.restore()
}
