/**
 * Canvas drawing of a contour plot (lab 1): its layout with equal x and y scales, the mapping
 * between data and pixels, and the part that never changes while a path animates (filled and
 * stroked contours, frame, round ticks, title). Pure drawing on a 2-D context in CSS pixels, so
 * the screen and the exported figure draw the same way; the paths are in contourSeries.ts.
 */
import type { Point2 } from '../engine/functions2d'
import { FIGURE_FONT, type Context2D } from './canvas'
import type { ContourBand, ContourField } from './contourField'
import { niceTicks, tickLabel, tickStep } from './ticks'

export interface PlotBox {
  x: number
  y: number
  w: number
  h: number
}

export interface ContourLayout {
  width: number
  height: number
  plot: PlotBox
}

export interface ContourOptions {
  title?: string
  compact?: boolean
  xLabel?: string
  yLabel?: string
}

const TINT: [number, number, number] = [196, 214, 240]
const TINT_NEG: [number, number, number] = [246, 214, 188]
const LINE = 'rgba(98, 126, 170, 0.55)'
const FRAME = '#9aa3b2'
const TEXT = '#3b4252'

function margins(opts: ContourOptions) {
  const c = opts.compact === true
  return { left: c ? 30 : 42, right: c ? 8 : 14, top: opts.title ? (c ? 22 : 28) : 8, bottom: c ? 20 : 38 }
}

/** Equal scales on both axes (the lesson's valley looks as long as it is), capped in height. */
export function contourLayout(width: number, field: ContourField, opts: ContourOptions & { maxPlotHeight?: number }): ContourLayout {
  const m = margins(opts)
  const [x0, x1] = field.domain.x
  const [y0, y1] = field.domain.y
  const aspect = (y1 - y0) / (x1 - x0)
  let w = Math.max(40, width - m.left - m.right)
  let h = w * aspect
  let x = m.left
  if (opts.maxPlotHeight && h > opts.maxPlotHeight) {
    h = opts.maxPlotHeight
    x += (w - h / aspect) / 2
    w = h / aspect
  }
  return { width, height: Math.ceil(m.top + h + m.bottom), plot: { x, y: m.top, w, h } }
}

export function toPixel(l: ContourLayout, f: ContourField, x: number, y: number): [number, number] {
  const [x0, x1] = f.domain.x
  const [y0, y1] = f.domain.y
  return [l.plot.x + ((x - x0) / (x1 - x0)) * l.plot.w, l.plot.y + ((y1 - y) / (y1 - y0)) * l.plot.h]
}

/** The data point under a pixel, or null outside the plot area. */
export function toData(l: ContourLayout, f: ContourField, px: number, py: number): Point2 | null {
  const { x, y, w, h } = l.plot
  if (px < x || px > x + w || py < y || py > y + h) return null
  const [x0, x1] = f.domain.x
  const [y0, y1] = f.domain.y
  return [x0 + ((px - x) / w) * (x1 - x0), y1 - ((py - y) / h) * (y1 - y0)]
}

function mix(a: [number, number, number], t: number): string {
  const c = a.map((v) => Math.round(v + (255 - v) * t))
  return `rgb(${c[0]},${c[1]},${c[2]})`
}

/** Band k lies above levels[k] (k = −1: below the first level). Deeper = closer to the minimum. */
function bandFill(f: ContourField, k: number): string {
  const n = f.levels.length
  if (!f.diverging) return mix(TINT, ((k + 1) / n) ** 0.85)
  const top = Math.max(...f.levels.map(Math.abs))
  const lo = k < 0 ? f.levels[0]! - (f.levels[1]! - f.levels[0]!) : f.levels[k]!
  const hi = k >= n - 1 ? lo + (f.levels[n - 1]! - f.levels[n - 2]!) : f.levels[k + 1]!
  const mid = (lo + hi) / 2
  return mix(mid < 0 ? TINT_NEG : TINT, 1 - Math.min(1, Math.abs(mid) / top) * 0.9)
}

export function clip(ctx: Context2D, p: PlotBox): void {
  ctx.beginPath()
  ctx.rect(p.x, p.y, p.w, p.h)
  ctx.clip()
}

/** The band's rings as the current path (no Path2D: the figures' canvas interface has none). */
function traceBand(ctx: Context2D, l: ContourLayout, f: ContourField, band: ContourBand): void {
  ctx.beginPath()
  for (const polygon of band.polygons) {
    for (const ring of polygon) {
      ring.forEach(([x, y], i) => {
        const [px, py] = toPixel(l, f, x, y)
        if (i === 0) ctx.moveTo(px, py)
        else ctx.lineTo(px, py)
      })
      ctx.closePath()
    }
  }
}

/** Contours, frame, ticks and title: the part that does not change while a path animates. */
export function drawContourBackground(ctx: Context2D, l: ContourLayout, f: ContourField, opts: ContourOptions): void {
  const { plot } = l
  const compact = opts.compact === true
  const font = FIGURE_FONT
  ctx.save()
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, l.width, l.height)
  ctx.save()
  clip(ctx, plot)
  ctx.fillStyle = bandFill(f, -1)
  ctx.fillRect(plot.x, plot.y, plot.w, plot.h)
  f.bands.forEach((band, k) => {
    traceBand(ctx, l, f, band)
    ctx.fillStyle = bandFill(f, k)
    ctx.fill('evenodd')
  })
  ctx.strokeStyle = LINE
  ctx.lineWidth = compact ? 0.6 : 0.8
  for (const band of f.bands) {
    traceBand(ctx, l, f, band)
    ctx.stroke()
  }
  ctx.restore()

  ctx.strokeStyle = FRAME
  ctx.lineWidth = 1
  ctx.strokeRect(plot.x + 0.5, plot.y + 0.5, plot.w - 1, plot.h - 1)

  ctx.fillStyle = TEXT
  ctx.font = `${compact ? 10 : 11}px ${font}`
  const [x0, x1] = f.domain.x
  const [y0, y1] = f.domain.y
  const xCount = Math.max(2, Math.round(plot.w / (compact ? 55 : 70)))
  const yCount = Math.max(2, Math.round(plot.h / (compact ? 40 : 50)))
  const xStep = tickStep(x0, x1, xCount)
  const yStep = tickStep(y0, y1, yCount)
  ctx.textAlign = 'center'
  ctx.textBaseline = 'top'
  for (const v of niceTicks(x0, x1, xCount)) {
    const [px] = toPixel(l, f, v, y0)
    ctx.fillRect(px - 0.5, plot.y + plot.h, 1, 3)
    ctx.fillText(tickLabel(v, xStep), px, plot.y + plot.h + 4)
  }
  ctx.textAlign = 'right'
  ctx.textBaseline = 'middle'
  for (const v of niceTicks(y0, y1, yCount)) {
    const [, py] = toPixel(l, f, x0, v)
    ctx.fillRect(plot.x - 3, py - 0.5, 3, 1)
    ctx.fillText(tickLabel(v, yStep), plot.x - 5, py)
  }
  if (!compact) {
    ctx.font = `italic 12px ${font}`
    ctx.textAlign = 'center'
    ctx.textBaseline = 'alphabetic'
    ctx.fillText(opts.xLabel ?? 'x', plot.x + plot.w / 2, plot.y + plot.h + 32)
    ctx.fillText(opts.yLabel ?? 'y', Math.max(8, plot.x - 34), plot.y + plot.h / 2)
  }
  if (opts.title) {
    ctx.font = `600 ${compact ? 12 : 13.5}px ${font}`
    ctx.textAlign = 'center'
    ctx.textBaseline = 'alphabetic'
    ctx.fillText(opts.title, plot.x + plot.w / 2, plot.y - (compact ? 7 : 9), l.width - 8)
  }
  ctx.restore()
}
