/**
 * The line chart of every trained lab (loss or accuracy per iteration or epoch, one line per run
 * or per series of a run), as one Chart.js configuration: the app's ChartLine draws it on an HTML
 * canvas and keeps it live, the CLI's export draws it once on a Skia canvas, so both look alike.
 */
import type { ChartConfiguration, ChartDataset } from 'chart.js'

/** One line: x and y as parallel arrays (iterations or epochs, and values). */
export interface LineSeries {
  id: string
  label: string
  color: string
  x: readonly number[]
  y: readonly number[]
  dashed?: boolean
  /** An explicit dash pattern (e.g. [2, 3] dotted), instead of `dashed`'s [6, 4]. */
  dash?: number[]
  width?: number
  /** Left out of the legend (e.g. the grey crowd of a search's weaker trials). */
  hideInLegend?: boolean
  /** Drawn beneath the lines without it (Chart.js draws higher orders first). */
  behind?: boolean
}

export interface LineChartOptions {
  title: string
  /** A second title line (what is drawn, how it was smoothed). */
  subtitle?: string
  xLabel: string
  yLabel: string
  xMin?: number | null
  xMax?: number | null
  yMin?: number | null
  yMax?: number | null
  /** Small multiples: no legend or axis titles, small fonts, few ticks. */
  compact?: boolean
}

export function lineDatasets(series: readonly LineSeries[], compact = false): ChartDataset<'line'>[] {
  return series.map((s) => ({
    label: s.label,
    data: s.x.map((x, i) => ({ x, y: s.y[i]! })),
    borderColor: s.color,
    backgroundColor: s.color,
    borderWidth: s.width ?? 1.6,
    borderDash: s.dash ?? (s.dashed ? [6, 4] : []),
    pointRadius: s.x.length < 40 ? (compact ? 1.5 : 2.5) : 0,
    pointHoverRadius: 4,
    tension: 0,
    spanGaps: true,
    order: s.behind ? 1 : 0,
  }))
}

/** The configuration with the data; `applyLineOptions` changes the options of a live chart alike. */
export function lineChartConfig(series: readonly LineSeries[], o: LineChartOptions): ChartConfiguration<'line'> {
  const compact = o.compact === true
  // Only set when compact: an explicit `font: undefined` keeps Chart.js from drawing any tick.
  const ticks = (limit: number) => (compact ? { maxTicksLimit: limit, font: { size: 10 } } : { maxTicksLimit: 11 })
  const hidden = new Set(series.flatMap((s, i) => (s.hideInLegend ? [i] : [])))
  const config: ChartConfiguration<'line'> = {
    type: 'line',
    data: { datasets: lineDatasets(series, compact) },
    options: {
      parsing: false,
      normalized: true,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      scales: {
        x: { type: 'linear', title: { display: !compact, text: o.xLabel }, ticks: ticks(6) },
        y: { type: 'linear', title: { display: !compact, text: o.yLabel }, ticks: compact ? ticks(3) : {} },
      },
      plugins: {
        title: { display: true, text: o.title, font: { size: compact ? 11.5 : 14, weight: 'bold' }, padding: compact ? { top: 2, bottom: 4 } : { top: 4, bottom: 8 } },
        subtitle: { display: !!o.subtitle, text: o.subtitle ?? '', padding: { bottom: 6 } },
        legend: {
          display: !compact,
          position: 'top',
          labels: { boxWidth: 14, boxHeight: 2, padding: 14, filter: (item) => !hidden.has(item.datasetIndex ?? -1) },
        },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${Number(item.parsed.y).toPrecision(4)}` } },
      },
    },
  }
  applyLineOptions(config, o)
  return config
}

/** Sets the ranges and texts of `o` on a configuration (or a live chart's `{ options }`). */
export function applyLineOptions(target: { options?: ChartConfiguration<'line'>['options'] }, o: LineChartOptions): void {
  const x = target.options!.scales!.x!
  const y = target.options!.scales!.y!
  // A fixed x range: Chart.js would otherwise drop the x extent of points outside a fixed y range.
  x.min = o.xMin ?? undefined
  x.max = o.xMax ?? undefined
  y.min = o.yMin ?? undefined
  y.max = o.yMax ?? undefined
  target.options!.plugins!.title!.text = o.title
  ;(x as { title: { text: string } }).title.text = o.xLabel
  ;(y as { title: { text: string } }).title.text = o.yLabel
}
