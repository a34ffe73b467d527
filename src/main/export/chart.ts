/**
 * An experiment as a PNG figure, drawn like the app's charts: the loss per iteration (smoothed
 * the book's way) for the labs that compare losses, accuracy per iteration/epoch otherwise
 * (train solid, test/validation dashed), the paths of lab 1, the histograms of lab 3, and the
 * book's 4×4 grid for batch normalization. No dependencies: raster.ts draws, png.ts encodes.
 */
import type { ExperimentDetail, RunWithSeries } from '../../shared/records'
import { FOOTER_H, drawFooter, drawHeader, messageFigure, pngMetadata } from './frame'
import { renderBatchnormGrid, renderHistograms } from './grid'
import { renderPaths } from './paths'
import { Axes, type LegendEntry, drawLegend, niceRange, snapUp } from './plot'
import { encodePng } from './png'
import { Canvas, rgb } from './raster'
import { PALETTE, runColors, runLabel } from './style'
import { extent, lastValue, seriesXY, thin, xUnit } from './series'

export interface ChartOptions {
  width?: number
  height?: number
  /** Smooth the loss with the book's smooth_curve (default true). */
  smooth?: boolean
  /** Smoothing window (the book: 11). */
  window?: number
  /** What to draw for trained runs: 'auto' picks by lab and by the series the runs have. */
  kind?: 'auto' | 'loss' | 'accuracy'
}

/** The labs whose book figure is the accuracy (batch norm, overfitting, the search). */
const ACCURACY_LABS = new Set(['batchnorm', 'overfit', 'random-search'])
/** Fixed loss ranges of the book's figures. */
const LOSS_RANGE: Record<string, [number, number]> = { 'optimizers-mnist': [0, 1], 'init-mnist': [0, 2.5] }
/** With more runs than this, the best ones get colours and a legend entry, the rest are thin grey lines. */
const MAX_COLORED = 10
const OTHER = rgb('#a0a0a0')

/** The experiment's figure as a PNG with Title, Software, Source and Comment (JSON) metadata. */
export function renderExperimentPng(detail: ExperimentDetail, opts: ChartOptions = {}): Buffer {
  const c = renderExperiment(detail, opts)
  return encodePng(c.width, c.height, c.data, { text: pngMetadata(detail) })
}

/** The experiment's figure as an RGBA canvas. */
export function renderExperiment(detail: ExperimentDetail, opts: ChartOptions = {}): Canvas {
  const { experiment: e, runs } = detail
  const width = opts.width ?? 1200
  const height = opts.height ?? 760
  if (!runs.length) {
    const r = e.result as Record<string, unknown> | null
    if (e.labId === 'paths-2d' && Array.isArray(r?.paths)) return renderPaths(detail, { width, height })
    if (e.labId === 'init-histograms' && Array.isArray(r?.cells)) return renderHistograms(detail, { width, height: opts.height })
    return messageFigure(detail, width, height, 'This experiment has no runs to plot.')
  }
  const kind = chartKind(detail, opts.kind ?? 'auto')
  if (!kind) return messageFigure(detail, width, height, 'The runs have recorded no points yet.')
  if (kind === 'accuracy' && e.labId === 'batchnorm' && runs.length > 2 && runs.every((r) => typeof r.meta?.scaleIndex === 'number')) {
    return renderBatchnormGrid(detail, { width, height: opts.height })
  }
  return renderLines(detail, kind, width, height, opts)
}

function chartKind(detail: ExperimentDetail, want: 'auto' | 'loss' | 'accuracy'): 'loss' | 'accuracy' | null {
  const points = (name: string) => Math.max(0, ...detail.runs.map((r) => r.series.find((s) => s.series === name)?.values.length ?? 0))
  const loss = points('loss')
  const acc = Math.max(points('trainAcc'), points('testAcc'), points('valAcc'))
  if (want !== 'auto') return (want === 'loss' ? loss : acc) > 0 ? want : loss || acc ? (loss ? 'loss' : 'accuracy') : null
  if (acc > 0 && (ACCURACY_LABS.has(detail.experiment.labId) || loss < 20)) return 'accuracy'
  return loss > 0 ? 'loss' : acc > 0 ? 'accuracy' : null
}

interface Line {
  run: RunWithSeries
  label: string
  color: string
  highlighted: boolean
}

/** Runs in drawing order with colours: with many runs, the best MAX_COLORED are coloured and drawn last. */
function styleRuns(detail: ExperimentDetail, kind: 'loss' | 'accuracy'): Line[] {
  const { runs } = detail
  const named = (r: RunWithSeries) => runLabel(r) + (r.status === 'finished' ? '' : ` (${r.status})`)
  if (runs.length <= MAX_COLORED) {
    const colors = runColors(detail.experiment.labId, runs)
    return runs.map((run, i) => ({ run, label: named(run), color: colors[i], highlighted: true }))
  }
  const score = (r: RunWithSeries) =>
    kind === 'loss' ? -(lastValue(r, 'loss') ?? Infinity) : lastValue(r, 'valAcc') ?? lastValue(r, 'testAcc') ?? lastValue(r, 'trainAcc') ?? -Infinity
  const ranked = runs.slice().sort((a, b) => score(b) - score(a) || a.ordinal - b.ordinal)
  const best = new Set(ranked.slice(0, MAX_COLORED))
  const rest: Line[] = runs.filter((r) => !best.has(r)).map((run) => ({ run, label: named(run), color: '#a0a0a0', highlighted: false }))
  return [...rest, ...ranked.slice(0, MAX_COLORED).map((run, i) => ({ run, label: named(run), color: PALETTE[i], highlighted: true }))]
}

function renderLines(detail: ExperimentDetail, kind: 'loss' | 'accuracy', width: number, height: number, opts: ChartOptions): Canvas {
  const { experiment: e, runs } = detail
  const c = new Canvas(width, height)
  const unit = xUnit(runs)
  const smooth = kind === 'loss' && opts.smooth !== false ? opts.window ?? 11 : undefined
  const names = kind === 'loss' ? ['loss'] : ['trainAcc', 'testAcc', 'valAcc'].filter((n) => runs.some((r) => r.series.some((s) => s.series === n)))
  const bothEval = names.includes('testAcc') && names.includes('valAcc')
  const dashOf = (n: string) => (n === 'trainAcc' || n === 'loss' ? undefined : n === 'valAcc' && bothEval ? [2, 4] : [8, 5])
  const lines = styleRuns(detail, kind)
  const many = lines.length > MAX_COLORED
  /** The series the grey runs show (one line each keeps a crowd readable). */
  const primary = kind === 'loss' ? 'loss' : (['valAcc', 'testAcc', 'trainAcc'].find((n) => names.includes(n)) ?? 'trainAcc')
  const data = lines.map((l) => names.map((n) => seriesXY(l.run, n, unit, smooth)))

  const what = kind === 'loss' ? 'Loss' : 'Accuracy'
  const subtitle =
    kind === 'loss'
      ? `Loss per ${unit}` + (smooth ? ` (smoothed: Kaiser window ${smooth}, as the book)` : ' (raw)')
      : `Accuracy per ${unit}: ` + names.map((n) => `${n === 'trainAcc' ? 'train' : n === 'testAcc' ? 'test' : 'validation'} ${dashOf(n) ? (dashOf(n)![0] < 4 ? 'dotted' : 'dashed') : 'solid'}`).join(', ')
  const by = kind === 'loss' ? 'lowest final loss' : `final ${primary === 'trainAcc' ? 'train' : primary === 'valAcc' ? 'validation' : 'test'} accuracy`
  let y = drawHeader(c, e.name, subtitle + (lines.length > MAX_COLORED ? ` · best ${MAX_COLORED} in colour` : ''))

  const score = (r: RunWithSeries) => lastValue(r, primary)
  const legend: LegendEntry[] = lines
    .filter((l) => l.highlighted)
    .map((l) => ({ label: l.label + (many && score(l.run) !== null ? ` ${score(l.run)!.toFixed(3)}` : ''), color: rgb(l.color) }))
  if (many) legend.push({ label: `${lines.length - MAX_COLORED} others (ranked by ${by})`, color: OTHER, width: 2 })
  y += drawLegend(c, legend, 40, y, width - 80) + 6

  const xs = extent(data.flatMap((d) => d.map((s) => s.xs)))
  const ys = extent(data.flatMap((d) => d.map((s) => s.ys)))
  const xr: [number, number] = [0, xs && xs[1] > 0 ? snapUp(xs[1]) : 1]
  const yr: [number, number] =
    kind === 'accuracy' ? [0, 1] : LOSS_RANGE[e.labId] ? LOSS_RANGE[e.labId] : niceRange(Math.min(0, ys?.[0] ?? 0), ys?.[1] ?? 1, 6)
  const axes = new Axes(c, { x: 24, y, w: width - 48, h: height - y - FOOTER_H - 6 }, xr, yr, {
    xLabel: unit === 'epoch' ? 'Epoch' : 'Iteration',
    yLabel: what,
  })
  axes.draw()
  const thinTo = Math.max(50, Math.round(axes.r.w * 1.5))
  lines.forEach((l, i) => {
    const color = rgb(l.color)
    names.forEach((n, k) => {
      if (!l.highlighted && n !== primary) return
      const xy = thin(data[i][k], thinTo)
      const w = !l.highlighted ? 1 : many ? 1.6 : kind === 'loss' && xy.xs.length > axes.r.w / 3 ? 1.6 : 2.2
      axes.plot(xy.xs, xy.ys, color, { width: w, dash: dashOf(n), alpha: l.highlighted ? 1 : 0.55 })
      if (l.highlighted && !many && kind === 'accuracy' && xy.xs.length <= 40) axes.markers(xy.xs, xy.ys, color, 3.2)
    })
  })
  drawFooter(c, detail)
  return c
}
