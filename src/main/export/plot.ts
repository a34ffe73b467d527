/** Axes for the exported figures: nice ticks, grid, tick labels, axis titles, clipped plotting, legends. */
import { Canvas, type Rect, type Rgb, type StrokeOptions, rgb } from './raster'

export const INK = rgb('#222222')
export const MUTED = rgb('#666666')
export const GRID = rgb('#e5e5e5')
export const AXIS = rgb('#8c8c8c')

/** Ticks at 1, 2, 2.5 or 5 × 10^k covering [lo, hi] with about `target` intervals. */
export function niceTicks(lo: number, hi: number, target = 6): number[] {
  if (!(Number.isFinite(lo) && Number.isFinite(hi))) return []
  if (hi <= lo) return [lo]
  const raw = (hi - lo) / Math.max(1, target)
  const mag = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw * 0.999) ?? 10 * mag
  const out: number[] = []
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) out.push(Number((k * step).toPrecision(12)))
  return out
}

/** [lo, hi] widened outwards to whole tick steps (and made non-empty). */
export function niceRange(lo: number, hi: number, target = 6): [number, number] {
  if (!(Number.isFinite(lo) && Number.isFinite(hi))) return [0, 1]
  if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) [lo, hi] = [lo - 0.5 * (Math.abs(lo) || 1), hi + 0.5 * (Math.abs(hi) || 1)]
  const t = niceTicks(lo, hi, target)
  const step = t.length > 1 ? t[1] - t[0] : 1
  return [Math.floor(lo / step + 1e-9) * step, Math.ceil(hi / step - 1e-9) * step]
}

/** An axis end: `hi`, or the next tick when that is within 2% (2,000 iterations record losses at 0…1,999). */
export function snapUp(hi: number, target = 8): number {
  const t = niceTicks(0, hi, target)
  const step = t.length > 1 ? t[1] - t[0] : 0
  const next = step ? Math.ceil(hi / step - 1e-9) * step : hi
  return next - hi <= 0.02 * hi ? next : hi
}

/** A tick label: as many decimals as the step needs, thousands separated by commas (1,000). */
export function formatTick(v: number, ticks: number[]): string {
  const step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : Math.abs(v) || 1
  if (step >= 1e6 || (step < 1e-4 && v !== 0)) return Number(v.toPrecision(3)).toExponential().replace('e+', 'e')
  let dec = 0
  while (dec < 8 && Math.abs(Math.round(step * 10 ** dec) - step * 10 ** dec) > 1e-6 * 10 ** dec) dec++
  const [int, frac] = Math.abs(v).toFixed(dec).split('.')
  const sign = v < 0 && Number(Math.abs(v).toFixed(dec)) !== 0 ? '-' : ''
  return sign + int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? '.' + frac : '')
}

export interface AxesOptions {
  xLabel?: string
  yLabel?: string
  /** Text scale (2 = 10×14 px glyphs). */
  scale?: number
  xTarget?: number
  yTarget?: number
  /** Draw tick labels (small multiples may leave some out). */
  xTickLabels?: boolean
  yTickLabels?: boolean
}

export class Axes {
  readonly xTicks: number[]
  readonly yTicks: number[]
  /** The plotting area (inside the tick labels and axis titles). */
  readonly r: Rect

  /** Fits the axes into `outer`: the plotting area leaves room for tick labels and axis titles. */
  constructor(
    readonly c: Canvas,
    outer: Rect,
    readonly xr: [number, number],
    readonly yr: [number, number],
    readonly o: AxesOptions = {},
  ) {
    const s = o.scale ?? 2
    // as many ticks as asked for, fewer when their labels would not fit (small figures)
    const labelW = (t: number[]) => Math.max(0, ...t.map((v) => Canvas.measure(formatTick(v, t), s)))
    this.yTicks = fitTicks(yr, o.yTarget ?? 6, outer.h - 11 * s - 20, () => 7 * s + 8)
    this.xTicks = fitTicks(xr, o.xTarget ?? 8, outer.w - labelW(this.yTicks) - 11 * s - 40, (t) => labelW(t) + 16)
    const yw = o.yTickLabels === false ? 0 : Math.max(0, ...this.yTicks.map((t) => Canvas.measure(formatTick(t, this.yTicks), s)))
    const left = (o.yLabel ? (o.yLabel.length <= 2 ? Canvas.measure(o.yLabel, s) : 7 * s) + 10 : 0) + yw + 8
    const bottom = (o.xTickLabels === false ? 0 : 7 * s + 8) + (o.xLabel ? 7 * s + 10 : 0) + 4
    const xw = o.xTickLabels === false ? 0 : Canvas.measure(formatTick(this.xTicks[this.xTicks.length - 1] ?? 0, this.xTicks), s) / 2
    this.r = { x: outer.x + left, y: outer.y + 4 * s, w: Math.max(10, outer.w - left - xw - 4), h: Math.max(10, outer.h - bottom - 4 * s) }
  }

  px(x: number): number {
    return this.r.x + ((x - this.xr[0]) / (this.xr[1] - this.xr[0] || 1)) * this.r.w
  }

  py(y: number): number {
    return this.r.y + this.r.h - ((y - this.yr[0]) / (this.yr[1] - this.yr[0] || 1)) * this.r.h
  }

  /** Grid, axis lines, tick labels and axis titles. */
  draw(): void {
    const { c, r, o } = this
    const s = o.scale ?? 2
    for (const t of this.xTicks) c.fillRect(Math.round(this.px(t)), r.y, 1, r.h, GRID)
    for (const t of this.yTicks) c.fillRect(r.x, Math.round(this.py(t)), r.w, 1, GRID)
    c.fillRect(r.x, r.y + r.h, r.w + 1, 1, AXIS)
    c.fillRect(r.x, r.y, 1, r.h + 1, AXIS)
    if (o.xTickLabels !== false) {
      for (const t of this.xTicks) c.text(formatTick(t, this.xTicks), this.px(t), r.y + r.h + 6, MUTED, { scale: s, align: 'center' })
    }
    if (o.yTickLabels !== false) {
      for (const t of this.yTicks) c.text(formatTick(t, this.yTicks), r.x - 7, this.py(t) - 3.5 * s, MUTED, { scale: s, align: 'right' })
    }
    if (o.xLabel) c.text(o.xLabel, r.x + r.w / 2, r.y + r.h + (o.xTickLabels === false ? 6 : 7 * s + 14), INK, { scale: s, align: 'center' })
    if (o.yLabel) {
      const yw = Math.max(0, ...this.yTicks.map((t) => Canvas.measure(formatTick(t, this.yTicks), s)))
      // a one- or two-letter title ('y') reads better upright
      if (o.yLabel.length <= 2) c.text(o.yLabel, r.x - yw - 16, r.y + r.h / 2 - 3.5 * s, INK, { scale: s, align: 'right' })
      else c.text(o.yLabel, r.x - yw - 7 * s - 16, r.y + r.h / 2, INK, { scale: s, align: 'center', vertical: true })
    }
  }

  /** A data polyline, clipped to the plotting area; non-finite values break the line. */
  plot(xs: ArrayLike<number>, ys: ArrayLike<number>, color: Rgb, opts: StrokeOptions = {}): void {
    const pts = new Float64Array(xs.length * 2)
    for (let i = 0; i < xs.length; i++) {
      const ok = Number.isFinite(xs[i]) && Number.isFinite(ys[i])
      // far-off values are clamped well outside the area (still clipped) to keep the maths finite
      pts[2 * i] = ok ? clamp(this.px(xs[i]), -1e5, 1e5) : NaN
      pts[2 * i + 1] = ok ? clamp(this.py(ys[i]), -1e5, 1e5) : NaN
    }
    this.c.strokePolyline(pts, color, { ...opts, clip: { x: this.r.x, y: this.r.y - 1, w: this.r.w + 2, h: this.r.h + 2 } })
  }

  /** Small filled circles at the data points inside the area. */
  markers(xs: ArrayLike<number>, ys: ArrayLike<number>, color: Rgb, radius = 3): void {
    for (let i = 0; i < xs.length; i++) {
      const x = this.px(xs[i])
      const y = this.py(ys[i])
      if (x >= this.r.x - 1 && x <= this.r.x + this.r.w + 1 && y >= this.r.y - 1 && y <= this.r.y + this.r.h + 1) this.c.fillCircle(x, y, radius, color)
    }
  }
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v))

/** niceTicks with the largest target ≤ `target` whose tick spacing over `length` px is at least `need(ticks)`. */
function fitTicks(range: [number, number], target: number, length: number, need: (t: number[]) => number): number[] {
  for (let k = target; k > 1; k--) {
    const t = niceTicks(range[0], range[1], k)
    if (t.length < 2 || (length * (t[1] - t[0])) / (range[1] - range[0] || 1) >= need(t)) return t
  }
  return niceTicks(range[0], range[1], 1)
}

export interface LegendEntry {
  label: string
  color: Rgb
  dash?: number[]
  width?: number
  alpha?: number
}

/** Legend rows centred on `x..x+w` from `y` (wrapping); returns the height used. */
export function drawLegend(c: Canvas, entries: LegendEntry[], x: number, y: number, w: number, scale = 2): number {
  const rowH = 7 * scale + 10
  const widths = entries.map((e) => 28 + Canvas.measure(e.label, scale))
  const rows: number[][] = [[]]
  let used = 0
  widths.forEach((ew, i) => {
    const row = rows[rows.length - 1]
    if (row.length && used + 20 + ew > w) rows.push([]), (used = 0)
    used += (rows[rows.length - 1].length ? 20 : 0) + ew
    rows[rows.length - 1].push(i)
  })
  rows.forEach((row, k) => {
    const total = row.reduce((a, i) => a + widths[i], 0) + 20 * (row.length - 1)
    let cx = x + (w - total) / 2
    const cy = y + k * rowH
    for (const i of row) {
      const e = entries[i]
      c.line(cx, cy + 3.5 * scale, cx + 22, cy + 3.5 * scale, e.color, { width: Math.max(2, e.width ?? 3), dash: e.dash, alpha: e.alpha })
      c.text(e.label, cx + 28, cy, INK, { scale })
      cx += widths[i] + 20
    }
  })
  return entries.length ? rows.length * rowH : 0
}
