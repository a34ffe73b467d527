/**
 * A stored experiment as one figure, drawn by the same code as the app's charts: the loss per
 * iteration (smoothed the book's way) for the labs that compare losses, the accuracy per
 * iteration/epoch otherwise (train solid, test/validation dashed), lab 6 with its train − test
 * gap below, lab 5 as the book's grid of panels, lab 1's contours with the paths, lab 3's
 * histogram grid. Node-safe: the caller gives the canvases (the CLI: @napi-rs/canvas).
 */
import { BasicPlatform, type ChartConfiguration } from 'chart.js'
import { FUNCTIONS_2D, type Function2DId } from '../engine/functions2d'
import type { ExperimentDetail, RunWithSeries } from '../shared/records'
import { FIGURE_FONT, context2d, drawCanvas, type Canvas2D, type CanvasFactory } from './canvas'
import { contourField } from './contourField'
import { composeGrid } from './grid'
import { renderHistogramsFigure } from './histogramFigure'
import { initFormula, rowsOfResult, type HistogramCell } from './histogramGrid'
import { lineChartConfig, type LineChartOptions, type LineSeries } from './lineChart'
import { BN_COLORS, BN_STYLES, OPTIMIZER_LABELS, optimizerColor, ordinalStyle, runLabel, runStyles, type RunStyle } from './palette'
import type { CurveKind } from './seriesStyle'
import { renderPathsFigure } from './pathsFigure'
import { setupSearchCharts } from './searchCharts'
import { heatmapChartConfig, type HeatPoint } from './searchHeatmapData'
import { colorScale } from './viridis'
import type { SearchRange } from '../labs/random-search/search-space'
import { gapPoints, iterationsPerEpoch, lastValue, seriesXY, thin, xUnit, type XY } from './series'

export interface FigureOptions {
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
const OTHER = '#a0a0a0'
const FOOTER_H = 26
const MUTED = '#6b7280'

/** The experiment's figure on a canvas from `create`. */
export function renderExperimentFigure(create: CanvasFactory, detail: ExperimentDetail, opts: FigureOptions = {}): Canvas2D {
  const { experiment: e, runs } = detail
  const width = opts.width ?? 1200
  const height = opts.height ?? 760
  if (!runs.length) {
    const r = e.result as Record<string, unknown> | null
    if (e.labId === 'paths-2d' && Array.isArray(r?.paths)) return pathsFigure(create, detail, width)
    if (e.labId === 'init-histograms' && Array.isArray(r?.cells)) return histogramsFigure(create, detail, width)
    return messageFigure(create, detail, width, height, 'This experiment has no runs to plot.')
  }
  const kind = chartKind(detail, opts.kind ?? 'auto')
  if (!kind) return messageFigure(create, detail, width, height, 'The runs have recorded no points yet.')
  if (kind === 'accuracy' && e.labId === 'batchnorm' && runs.length > 2 && runs.every((r) => typeof r.meta?.scaleIndex === 'number')) {
    return batchnormGrid(create, detail, width)
  }
  if (kind === 'accuracy' && e.labId === 'random-search' && searchTrials(detail).some((t) => t.v !== null)) {
    return searchFigure(create, detail, width, height)
  }
  if (kind === 'accuracy' && e.labId === 'overfit' && runs.some((r) => gapPoints(r.series.find((s) => s.series === 'trainAcc'), r.series.find((s) => s.series === 'testAcc')).steps.length)) {
    return overfitFigure(create, detail, width, height)
  }
  const canvas = blank(create, width, height)
  drawChart(create, canvas, 0, 0, width, height - FOOTER_H, lineFigure(detail, kind, width, opts))
  drawFooter(canvas, detail)
  return canvas
}

/** An opaque white canvas. */
function blank(create: CanvasFactory, width: number, height: number): Canvas2D {
  const canvas = create(width, height)
  const ctx = context2d(canvas)
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, width, height)
  return canvas
}

/** "Gradient Lab · experiment 12 · optimizers-mnist · seed 1 · 4 runs", bottom left, small and grey. */
export function footerText(detail: ExperimentDetail): string {
  const e = detail.experiment
  const n = detail.runs.length
  return `Gradient Lab · experiment ${e.id} · ${e.labId} · seed ${e.seed}${n ? ` · ${n} run${n === 1 ? '' : 's'}` : ''}`
}

function drawFooter(canvas: Canvas2D, detail: ExperimentDetail): void {
  const ctx = context2d(canvas)
  ctx.save()
  ctx.fillStyle = MUTED
  ctx.font = `12px ${FIGURE_FONT}`
  ctx.textAlign = 'left'
  ctx.textBaseline = 'alphabetic'
  ctx.fillText(footerText(detail), 12, canvas.height - 9, canvas.width - 24)
  ctx.restore()
}

/**
 * A Chart.js chart drawn once, without animation, into the rectangle (x, y, w, h) of `canvas`.
 * Chart.js owns a whole canvas and clears it when destroyed, so it draws on one of its own,
 * which is copied in before the chart is destroyed (and leaves Chart.js's list of instances).
 */
function drawChart(create: CanvasFactory, canvas: Canvas2D, x: number, y: number, w: number, h: number, config: ChartConfiguration<'line'> | ChartConfiguration<'scatter'>): void {
  const Chart = setupSearchCharts()
  const own = create(w, h)
  const chart = new Chart(context2d(own) as never, {
    ...config,
    platform: BasicPlatform,
    options: { ...config.options, responsive: false, animation: false, devicePixelRatio: 1 },
  } as ChartConfiguration)
  try {
    drawCanvas(context2d(canvas), own, x, y, w, h)
  } finally {
    chart.destroy()
  }
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
  style: RunStyle
  highlighted: boolean
}

/** Runs with colours, coloured first: with many runs, only the best MAX_COLORED are coloured. */
function styleRuns(detail: ExperimentDetail, kind: 'loss' | 'accuracy'): Line[] {
  const { runs } = detail
  const named = (r: RunWithSeries) => runLabel(r) + (r.status === 'finished' ? '' : ` (${r.status})`)
  if (runs.length <= MAX_COLORED) {
    const styles = runStyles(detail.experiment.labId, runs)
    return runs.map((run, i) => ({ run, label: named(run), style: styles[i]!, highlighted: true }))
  }
  const score = (r: RunWithSeries) =>
    kind === 'loss' ? -(lastValue(r, 'loss') ?? Infinity) : (lastValue(r, 'valAcc') ?? lastValue(r, 'testAcc') ?? lastValue(r, 'trainAcc') ?? -Infinity)
  const ranked = runs.slice().sort((a, b) => score(b) - score(a) || a.ordinal - b.ordinal)
  const best = ranked.slice(0, MAX_COLORED).map((run, i) => ({ run, label: named(run), style: ordinalStyle(i), highlighted: true }))
  const rest = ranked.slice(MAX_COLORED).map((run) => ({ run, label: named(run), style: { color: OTHER, marker: 'circle' as const }, highlighted: false }))
  return [...best, ...rest]
}

/** The x axis spans the planned training (as the app's charts), so a cancelled run shows where it stopped. */
function plannedX(runs: readonly RunWithSeries[], unit: 'epoch' | 'iteration'): number {
  const ends = runs.map((r) => {
    const b = r.spec?.budget
    const ipe = iterationsPerEpoch(r)
    const iterations = b?.unit === 'iterations' ? b.count : b?.unit === 'epochs' && ipe ? b.count * ipe : Math.max(0, ...r.series.flatMap((s) => s.steps.slice(-1)))
    return unit === 'epoch' && ipe ? iterations / ipe : iterations
  })
  return Math.max(1, ...ends)
}

const SERIES_WORD: Record<string, string> = { trainAcc: 'train', testAcc: 'test', valAcc: 'validation' }
const DASH_WORD: Record<CurveKind, string> = { main: 'solid', train: 'solid', test: 'dashed', val: 'dotted' }

/** Loss or accuracy lines of every run, the app's line chart with the experiment's name as title. */
function lineFigure(detail: ExperimentDetail, kind: 'loss' | 'accuracy', width: number, opts: FigureOptions): ChartConfiguration<'line'> {
  const { experiment: e, runs } = detail
  const unit = xUnit(runs)
  const smooth = kind === 'loss' && opts.smooth !== false ? (opts.window ?? 11) : undefined
  const names = kind === 'loss' ? ['loss'] : ['trainAcc', 'testAcc', 'valAcc'].filter((n) => runs.some((r) => r.series.some((s) => s.series === n)))
  const bothEval = names.includes('testAcc') && names.includes('valAcc')
  const kindOf = (n: string): CurveKind => (n === 'loss' ? 'main' : n === 'trainAcc' ? 'train' : n === 'valAcc' && bothEval ? 'val' : 'test')
  const lines = styleRuns(detail, kind)
  const many = lines.length > MAX_COLORED
  /** The series the grey runs show (one line each keeps a crowd readable). */
  const primary = kind === 'loss' ? 'loss' : (['valAcc', 'testAcc', 'trainAcc'].find((n) => names.includes(n)) ?? 'trainAcc')
  const thinTo = Math.max(50, Math.round(width * 1.5))
  const series: LineSeries[] = []
  lines.forEach((l, ordinal) => {
    const score = lastValue(l.run, primary)
    names.forEach((n, k) => {
      if (!l.highlighted && n !== primary) return
      const xy: XY = thin(seriesXY(l.run, n, unit, smooth), thinTo)
      series.push({
        id: `${l.run.id}-${n}`,
        label: l.label + (many && l.highlighted && score !== null ? ` ${score.toFixed(3)}` : ''),
        color: l.style.color,
        x: xy.xs,
        y: xy.ys,
        kind: kindOf(n),
        ...(l.highlighted ? { marker: l.style.marker, markerPhase: ordinal } : {}),
        width: !l.highlighted ? 1 : many ? 1.6 : 2,
        // one legend entry per run (its first series); the subtitle says which line is which
        hideInLegend: !l.highlighted || k > 0,
        behind: !l.highlighted,
      })
    })
  })
  if (many) {
    const by = kind === 'loss' ? 'lowest final loss' : `final ${SERIES_WORD[primary]} accuracy`
    series.push({ id: 'others', label: `${lines.length - MAX_COLORED} others (ranked by ${by})`, color: OTHER, x: [], y: [], width: 2 })
  }
  const subtitle =
    kind === 'loss'
      ? `Loss per ${unit}` + (smooth ? ` (smoothed: Kaiser window ${smooth}, as the book)` : ' (raw)')
      : `Accuracy per ${unit}: ` + names.map((n) => `${SERIES_WORD[n]} ${DASH_WORD[kindOf(n)]}`).join(', ')
  const o: LineChartOptions = {
    title: e.name,
    subtitle: subtitle + (many ? ` · best ${MAX_COLORED} in colour` : ''),
    xLabel: unit === 'epoch' ? 'Epoch' : 'Iteration',
    yLabel: kind === 'loss' ? 'Loss' : 'Accuracy',
    xMin: 0,
    xMax: plannedX(runs, unit),
    yMin: kind === 'accuracy' ? 0 : (LOSS_RANGE[e.labId]?.[0] ?? 0),
    yMax: kind === 'accuracy' ? 1 : (LOSS_RANGE[e.labId]?.[1] ?? null),
  }
  return bigTitle(lineChartConfig(series, o))
}

/** An exported figure's chart title is the experiment's name: as large as the app's page title. */
function bigTitle(config: ChartConfiguration<'line'>): ChartConfiguration<'line'> {
  const plugins = config.options!.plugins!
  plugins.title!.font = { size: 18, weight: 'bold' }
  plugins.title!.padding = { top: 10, bottom: 4 }
  return config
}

/** Lab 6: the accuracy chart, and below it the train − test gap per epoch of each run (as the app shows them). */
function overfitFigure(create: CanvasFactory, detail: ExperimentDetail, width: number, height: number): Canvas2D {
  const canvas = blank(create, width, height)
  const top = Math.round((height - FOOTER_H) * 0.6)
  drawChart(create, canvas, 0, 0, width, top, lineFigure(detail, 'accuracy', width, {}))
  const unit = xUnit(detail.runs)
  const styles = runStyles('overfit', detail.runs)
  const gaps: LineSeries[] = detail.runs.flatMap((r, i) => {
    const g = gapPoints(r.series.find((s) => s.series === 'trainAcc'), r.series.find((s) => s.series === 'testAcc'))
    if (!g.steps.length) return []
    const perEpoch = unit === 'epoch' ? (iterationsPerEpoch(r) ?? 1) : 1
    return [{ id: `gap-${r.id}`, label: `${runLabel(r)}: final gap ${g.values.at(-1)!.toFixed(3)}`, color: styles[i]!.color, marker: styles[i]!.marker, markerPhase: i, x: g.steps.map((s) => s / perEpoch), y: g.values, width: 2 }]
  })
  const config = lineChartConfig(gaps, {
    title: 'Generalization gap: train − test accuracy',
    xLabel: unit === 'epoch' ? 'Epoch' : 'Iteration',
    yLabel: 'Gap',
    xMin: 0,
    xMax: plannedX(detail.runs, unit),
    yMin: Math.min(0, ...gaps.flatMap((g) => g.y.filter((v) => v < -0.005))),
  })
  drawChart(create, canvas, 0, top, width, height - FOOTER_H - top, config)
  drawFooter(canvas, detail)
  return canvas
}

interface SearchTrial {
  run: RunWithSeries
  values: Record<string, number>
  /** Final validation accuracy (null until the trial finished). */
  v: number | null
}

/** Lab 7's runs as trials: the sampled values and the final validation accuracy. */
function searchTrials(detail: ExperimentDetail): SearchTrial[] {
  return detail.runs.map((run) => ({
    run,
    values: (run.meta?.hyperparameters as Record<string, number> | undefined) ?? {},
    v: run.status === 'finished' ? (run.final?.valAcc ?? lastValue(run, 'valAcc')) : null,
  }))
}

const PARAM_NAMES: Record<string, string> = { lr: 'learning rate', weightDecay: 'weight decay λ' }

/**
 * Lab 7: the app's heatmap (every finished trial on the searched plane, coloured by validation
 * accuracy, the best three ranked) above the accuracy of the trials per epoch (the best ten in colour).
 */
function searchFigure(create: CanvasFactory, detail: ExperimentDetail, width: number, height: number): Canvas2D {
  const ranges = ((detail.experiment.params as { ranges?: SearchRange[] }).ranges ?? []).slice(0, 2)
  const [xRange, yRange = null] = ranges
  const trials = searchTrials(detail)
  const done = trials.filter((t) => t.v !== null).sort((a, b) => b.v! - a.v! || a.run.ordinal - b.run.ordinal)
  const rank = new Map(done.map((t, i) => [t, i + 1]))
  const place = (t: SearchTrial, fallbackY: number) => ({ x: t.values[xRange?.param ?? ''] ?? NaN, y: yRange ? (t.values[yRange.param] ?? NaN) : fallbackY })
  const points: HeatPoint[] = done.map((t) => ({ ...place(t, t.v!), v: t.v!, runId: t.run.id, rank: rank.get(t) ?? null }))
  const vs = points.map((p) => p.v)
  const [lo, hi] = [Math.min(...vs), Math.max(...vs)]
  const scale = hi - lo < 0.01 ? colorScale(Math.max(0, hi - 0.01), Math.max(hi, 0.01)) : colorScale(lo, hi)
  const canvas = blank(create, width, height)
  const top = Math.round((height - FOOTER_H) * 0.58)
  if (xRange) {
    const axis = (r: SearchRange | null) => (r ? `${PARAM_NAMES[r.param] ?? r.param}${r.scale === 'log' ? ' (log scale)' : ''}` : 'Validation accuracy')
    const config = heatmapChartConfig(
      {
        points,
        pending: trials.filter((t) => t.v === null && t.run.status !== 'failed').map((t) => place(t, 0)),
        failed: trials.filter((t) => t.run.status === 'failed').map((t) => place(t, 0)),
        cells: null,
        scale,
        highlight: null,
        barTitle: 'Validation accuracy',
      },
      xRange,
      yRange,
      { title: detail.experiment.name, x: axis(xRange), y: axis(yRange) },
    )
    config.options!.plugins!.title!.font = { size: 18, weight: 'bold' }
    config.options!.plugins!.subtitle = {
      display: true,
      text: `${done.length} finished trials coloured by validation accuracy, the best three numbered`,
      padding: { bottom: 6 },
    }
    drawChart(create, canvas, 0, 0, width, top, config)
  }
  const lines = lineFigure(detail, 'accuracy', width, {})
  lines.options!.plugins!.title!.text = 'Accuracy per epoch of every trial'
  lines.options!.plugins!.title!.font = { size: 14, weight: 'bold' }
  drawChart(create, canvas, 0, top, width, height - FOOTER_H - top, lines)
  drawFooter(canvas, detail)
  return canvas
}

/** Lab 5, as the book draws it: a panel per weight scale, train accuracy with BN (solid) and without (dashed). */
function batchnormGrid(create: CanvasFactory, detail: ExperimentDetail, width: number): Canvas2D {
  const { runs } = detail
  const groups = new Map<number, { scale: number; bn?: RunWithSeries; plain?: RunWithSeries }>()
  for (const r of runs) {
    const k = r.meta.scaleIndex as number
    const init = r.spec.network.init
    const g = groups.get(k) ?? { scale: typeof r.meta.scale === 'number' ? r.meta.scale : init.kind === 'std' ? init.std : NaN }
    if (r.meta.batchNorm) g.bn = r
    else g.plain = r
    groups.set(k, g)
  }
  const panels = [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g)
  const unit = xUnit(runs)
  const columns = Math.min(4, panels.length)
  const cellW = Math.floor((width - 8 * (columns + 1)) / columns)
  const cellH = Math.round(cellW * 0.62)
  const xMax = Math.max(1, ...runs.flatMap((r) => seriesXY(r, 'trainAcc', unit).xs))
  const cells = panels.map((g) => {
    const line = (r: RunWithSeries | undefined, style: RunStyle, dashed: boolean): LineSeries[] => {
      if (!r) return []
      const xy = seriesXY(r, 'trainAcc', unit)
      return [{ id: String(r.id), label: r.label, color: style.color, marker: style.marker, markerPhase: dashed ? 2 : 0, x: xy.xs, y: xy.ys, dashed, width: 1.8 }]
    }
    const status = [g.bn, g.plain].some((r) => r && r.status !== 'finished') ? ' (not finished)' : ''
    const cell = create(cellW, cellH)
    const config = lineChartConfig([...line(g.bn, BN_STYLES.bn, false), ...line(g.plain, BN_STYLES.noBn, true)], {
      title: `W: ${Number(g.scale.toPrecision(3))}${status}`,
      xLabel: unit === 'epoch' ? 'Epoch' : 'Iteration',
      yLabel: 'Accuracy',
      xMin: 0,
      xMax,
      yMin: 0,
      yMax: 1,
      compact: true,
    })
    drawChart(create, cell, 0, 0, cellW, cellH, config)
    return cell
  })
  const grid = composeGrid(create, {
    columns,
    title: `${detail.experiment.name}: train accuracy per ${unit}, one panel per initial weight scale W (std)`,
    legend: [
      { label: 'Batch Normalization', color: BN_COLORS.bn },
      { label: 'Normal (without BatchNorm)', color: BN_COLORS.noBn, dashed: true },
    ],
    ratio: 1,
    count: cells.length,
    cellW,
    cellH,
    cell: (i, place) => place(cells[i]!),
  })
  return withFooter(create, grid, detail)
}

/** `figure` with the footer line added below it. */
function withFooter(create: CanvasFactory, figure: Canvas2D, detail: ExperimentDetail): Canvas2D {
  const canvas = blank(create, figure.width, figure.height + FOOTER_H)
  drawCanvas(context2d(canvas), figure, 0, 0, figure.width, figure.height)
  drawFooter(canvas, detail)
  return canvas
}

interface PathResult {
  fn: Function2DId
  formula?: string
  start: [number, number]
  steps: number
  paths: { optimizer: string; hyperparameters?: Record<string, unknown>; points: ([number, number] | null)[]; diverged?: boolean }[]
}

/** Lab 1: the app's figure, contours with every optimizer's path, the overlay and one plot per optimizer. */
function pathsFigure(create: CanvasFactory, detail: ExperimentDetail, width: number): Canvas2D {
  const r = detail.experiment.result as PathResult
  const fn = FUNCTIONS_2D[r.fn] ?? FUNCTIONS_2D.lesson
  const paths = r.paths.filter((p) => p && Array.isArray(p.points))
  const series = paths.map((p, i) => {
    const hyper = Object.entries(p.hyperparameters ?? {}).map(([k, v]) => `${k} ${v}`)
    const name = OPTIMIZER_LABELS[p.optimizer as keyof typeof OPTIMIZER_LABELS] ?? p.optimizer
    return { id: p.optimizer, label: `${name}${p.diverged ? ' (diverged)' : ''}`, title: `${name}${hyper.length ? ` (${hyper.join(', ')})` : ''}`, color: optimizerColor(p.optimizer, i), points: p.points }
  })
  const steps = Math.max(0, ...paths.map((p) => p.points.length - 1))
  const figure = renderPathsFigure(
    create,
    contourField(fn),
    series,
    steps,
    r.start ?? null,
    {
      title: detail.experiment.name,
      overlayTitle: r.formula ?? fn.formula,
      footer: `${footerText(detail)} · ${steps} steps from (${(r.start ?? []).join(', ')})`,
      seriesTitle: (s) => series.find((x) => x.id === s.id)?.title ?? s.label,
    },
    width / 1200,
  )
  return figure
}

/** Lab 3: the app's grid of histograms, one row per initial weights, one cell per activation. */
function histogramsFigure(create: CanvasFactory, detail: ExperimentDetail, width: number): Canvas2D {
  const result = detail.experiment.result as { cells: HistogramCell[] }
  const params = detail.experiment.params as { units?: number; layers?: number; samples?: number; bins?: number }
  const rows = rowsOfResult(result.cells.filter((c) => c && Array.isArray(c.layers)))
  const names: Record<string, string> = { sigmoid: 'Sigmoid', relu: 'ReLU', tanh: 'tanh' }
  return renderHistogramsFigure(
    create,
    rows,
    {
      title: detail.experiment.name,
      footer: `${footerText(detail)} · ${params.layers ?? '?'} layers × ${params.units ?? '?'} units, ${params.samples ?? '?'} samples, ${params.bins ?? '?'} bins`,
      legend: 'Tinted: saturated (sigmoid/tanh near its ends) or dead (ReLU zeros) above the limit, or all outputs nearly the same',
      activationName: (a) => names[a] ?? a,
      initName: (i) => rows.find((row) => row.init === i)?.label ?? i.kind,
      initFormula: (i) => initFormula(i, params.units ?? 100),
      metric: (k) => k,
      sigma: (s) => String(Number(s.toPrecision(2))),
    },
    width / 1500,
  )
}

/** A figure that only says why there is nothing to plot. */
function messageFigure(create: CanvasFactory, detail: ExperimentDetail, width: number, height: number, message: string): Canvas2D {
  const canvas = blank(create, width, height)
  const ctx = context2d(canvas)
  ctx.fillStyle = '#1f2937'
  ctx.textAlign = 'center'
  ctx.textBaseline = 'alphabetic'
  ctx.font = `bold 18px ${FIGURE_FONT}`
  ctx.fillText(detail.experiment.name, width / 2, 32, width - 40)
  ctx.fillStyle = MUTED
  ctx.font = `14px ${FIGURE_FONT}`
  ctx.fillText(message, width / 2, height / 2, width - 40)
  drawFooter(canvas, detail)
  return canvas
}
