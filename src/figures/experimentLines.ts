/**
 * An experiment's runs as the app's line chart: loss (smoothed the book's way) or accuracy per
 * iteration/epoch (train solid, test/validation dashed), the best runs coloured when there are
 * many; lab 6 adds its train − test gap below.
 */
import type { ChartConfiguration } from 'chart.js'
import type { ExperimentDetail, RunWithSeries } from '../shared/records'
import type { Canvas2D, CanvasFactory } from './canvas'
import { FOOTER_H, blank, drawChart, drawFooter } from './experimentCanvas'
import { lineChartConfig, type LineChartOptions, type LineSeries } from './lineChart'
import { ordinalStyle, runLabel, runStyles, type RunStyle } from './palette'
import type { CurveKind } from './seriesStyle'
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

/** Fixed loss ranges of the book's figures. */
const LOSS_RANGE: Record<string, [number, number]> = { 'optimizers-mnist': [0, 1], 'init-mnist': [0, 2.5] }
/** With more runs than this, the best ones get colours and a legend entry, the rest are thin grey lines. */
const MAX_COLORED = 10
const OTHER = '#a0a0a0'
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
export function plannedX(runs: readonly RunWithSeries[], unit: 'epoch' | 'iteration'): number {
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
export function lineFigure(detail: ExperimentDetail, kind: 'loss' | 'accuracy', width: number, opts: FigureOptions): ChartConfiguration<'line'> {
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
export function overfitFigure(create: CanvasFactory, detail: ExperimentDetail, width: number, height: number): Canvas2D {
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

