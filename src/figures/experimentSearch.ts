/** Lab 7's exported figure: the app's heatmap of the searched plane above the trials' accuracy curves. */
import type { ExperimentDetail, RunWithSeries } from '../shared/records'
import type { SearchRange } from '../labs/random-search/search-space'
import type { Canvas2D, CanvasFactory } from './canvas'
import { FOOTER_H, blank, drawChart, drawFooter } from './experimentCanvas'
import { lineFigure } from './experimentLines'
import { DEFAULT_BINS, binPoints } from './searchBins'
import { heatmapChartConfig, type HeatPoint } from './searchHeatmapData'
import { lastValue } from './series'
import { colorScale } from './viridis'

interface SearchTrial {
  run: RunWithSeries
  values: Record<string, number>
  /** Final validation accuracy (null until the trial finished). */
  v: number | null
}

/** Lab 7's runs as trials: the sampled values and the final validation accuracy. */
export function searchTrials(detail: ExperimentDetail): SearchTrial[] {
  return detail.runs.map((run) => ({
    run,
    values: (run.meta?.hyperparameters as Record<string, number> | undefined) ?? {},
    v: run.status === 'finished' ? (run.final?.valAcc ?? lastValue(run, 'valAcc')) : null,
  }))
}

const PARAM_NAMES: Record<string, string> = { lr: 'learning rate', weightDecay: 'weight decay λ' }

/**
 * Lab 7: the app's heatmap (every finished trial on the searched plane, coloured by validation
 * accuracy, the best three ranked, over the binned cells as the app draws them by default) above the accuracy of the trials per epoch (the best ten in colour).
 */
export function searchFigure(create: CanvasFactory, detail: ExperimentDetail, width: number, height: number): Canvas2D {
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
        // The app's default cells: 8 × 8 bins over the plane, each showing its best trial.
        cells: yRange ? binPoints(points, xRange, yRange, DEFAULT_BINS, DEFAULT_BINS).map((c) => ({ ...c, value: c.best })) : null,
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
      text: `${done.length} finished trials coloured by validation accuracy, the best three numbered${yRange ? `; cells: the best trial of each of ${DEFAULT_BINS} × ${DEFAULT_BINS} bins` : ''}`,
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

