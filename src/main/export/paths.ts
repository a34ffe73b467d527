/** Lab 1's figure: every optimizer's path over the 2-D function's domain (no contours), start and minima marked. */
import { FUNCTIONS_2D, type Function2DId } from '../../engine/functions2d'
import type { ExperimentDetail } from '../../shared/records'
import { FOOTER_H, drawFooter, drawHeader } from './frame'
import { Axes, INK, type LegendEntry, drawLegend, niceRange } from './plot'
import { Canvas, rgb } from './raster'
import { OPTIMIZER_LABELS, optimizerColor } from './style'
import { extent } from './series'

interface PathResult {
  fn?: string
  formula?: string
  start?: [number, number]
  paths: { optimizer: string; hyperparameters?: Record<string, unknown>; points: [number, number][]; diverged?: boolean }[]
}

const finitePoint = (p: unknown): p is [number, number] => Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1])

export function renderPaths(detail: ExperimentDetail, size: { width: number; height: number }): Canvas {
  const r = detail.experiment.result as PathResult
  const paths = r.paths.filter((p) => p && Array.isArray(p.points))
  const fn = FUNCTIONS_2D[r.fn as Function2DId] as (typeof FUNCTIONS_2D)[Function2DId] | undefined
  const c = new Canvas(size.width, size.height)
  const steps = Math.max(0, ...paths.map((p) => p.points.length - 1))
  const formula = r.formula ?? fn?.formula
  let y = drawHeader(c, detail.experiment.name, `${formula ? formula + ' · ' : ''}${steps} steps from (${(r.start ?? paths[0]?.points[0] ?? ['?', '?']).join(', ')})`)

  // The function's plotting domain (the book's x∈[−10,10], y∈[−5,5] for the lesson), widened to the points if they leave it.
  // Paths that end inside the domain widen it to their excursions; runaway paths are clipped.
  const inside = (q: [number, number]) => !fn || (q[0] >= fn.domain.x[0] && q[0] <= fn.domain.x[1] && q[1] >= fn.domain.y[0] && q[1] <= fn.domain.y[1])
  const settled = paths.filter((p) => !p.diverged && finitePoint(p.points.at(-1)) && inside(p.points.at(-1)!))
  const pts = settled.flatMap((p) => p.points.filter(finitePoint))
  if (r.start && finitePoint(r.start)) pts.push(r.start)
  const range = (vals: number[], dom: [number, number] | undefined, fallback: [number, number]): [number, number] => {
    const e = extent([vals]) ?? dom ?? fallback
    if (dom && e[0] >= dom[0] && e[1] <= dom[1]) return [dom[0], dom[1]]
    const lo = Math.min(e[0], dom?.[0] ?? Infinity)
    const hi = Math.max(e[1], dom?.[1] ?? -Infinity)
    const pad = (hi - lo) * 0.05 || 1
    return niceRange(lo - pad, hi + pad)
  }
  const xr = range(pts.map((p) => p[0]), fn && [...fn.domain.x], [-10, 10])
  const yr = range(pts.map((p) => p[1]), fn && [...fn.domain.y], [-5, 5])
  const leaves = (q: [number, number][]) => q.some((v) => finitePoint(v) && (v[0] < xr[0] || v[0] > xr[1] || v[1] < yr[0] || v[1] > yr[1]))
  const legend: LegendEntry[] = paths.map((p, i) => {
    const hyper = Object.entries(p.hyperparameters ?? {}).map(([k, v]) => `${k === 'lr' ? 'lr' : k} ${v}`)
    const name = OPTIMIZER_LABELS[p.optimizer] ?? p.optimizer
    return { label: `${name}${hyper.length ? ` (${hyper.join(', ')})` : ''}${p.diverged ? ' diverged' : leaves(p.points) ? ' leaves the plot' : ''}`, color: rgb(optimizerColor(p.optimizer, i)) }
  })
  y += drawLegend(c, legend, 40, y, size.width - 80) + 6

  const axes = new Axes(c, { x: 24, y, w: size.width - 48, h: size.height - y - FOOTER_H - 6 }, xr, yr, { xLabel: 'x', yLabel: 'y', xTarget: 10 })
  axes.draw()
  const thin = paths.reduce((n, p) => n + p.points.length, 0) > 600
  paths.forEach((p, i) => {
    const color = rgb(optimizerColor(p.optimizer, i))
    const xs = p.points.map((q) => (finitePoint(q) ? q[0] : NaN))
    const ys = p.points.map((q) => (finitePoint(q) ? q[1] : NaN))
    axes.plot(xs, ys, color, { width: thin ? 1.5 : 2 })
    if (!thin) axes.markers(xs, ys, color, 3.5)
  })
  // minima as '+', the start as a ring
  for (const m of fn?.minima ?? []) {
    const mx = axes.px(m[0])
    const my = axes.py(m[1])
    c.line(mx - 8, my, mx + 8, my, INK, { width: 2 })
    c.line(mx, my - 8, mx, my + 8, INK, { width: 2 })
  }
  const start = r.start ?? paths[0]?.points[0]
  if (start && finitePoint(start)) {
    c.fillCircle(axes.px(start[0]), axes.py(start[1]), 6, INK)
    c.fillCircle(axes.px(start[0]), axes.py(start[1]), 3.5, rgb('#ffffff'))
  }
  drawFooter(c, detail)
  return c
}
