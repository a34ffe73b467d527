/**
 * The line chart of every trained lab (loss or accuracy per iteration or epoch, one line per run
 * or per series of a run), as one Chart.js configuration: the app's ChartLine draws it on an HTML
 * canvas and keeps it live, the CLI's export draws it once on a Skia canvas, so both look alike.
 */
import { Chart, type ChartConfiguration, type ChartDataset } from 'chart.js'
import { CURVE_DASH, lineStyle, type CurveKind, type Marker } from './seriesStyle'

export type { CurveKind, Marker }

/** One line: x and y as parallel arrays (iterations or epochs, and values). */
export interface LineSeries {
  id: string
  label: string
  color: string
  x: readonly number[]
  y: readonly number[]
  /** What kind of curve this is (train solid, test dashed, validation dotted; see seriesStyle.ts). */
  kind?: CurveKind
  dashed?: boolean
  /** An explicit dash pattern, instead of the kind's (or `dashed`'s [6, 4]). */
  dash?: number[]
  width?: number
  /** The run's marker, drawn every N points; without it, points only on short series. */
  marker?: Marker
  /** Shifts the markers along the line (the run's ordinal), so overlapping curves show each. */
  markerPhase?: number
  /** The legend's text when it differs from `label` (the tooltip's), e.g. one entry per run. */
  legendLabel?: string
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
  /** The legend's largest height in px (Chart.js pages what does not fit). */
  legendMaxHeight?: number
}

/** The datasets of the lines; `xEnd` (the planned end of the x axis) spaces the markers. */
export function lineDatasets(series: readonly LineSeries[], compact = false, xEnd?: number | null): ChartDataset<'line'>[] {
  return series.map((s) => ({
    label: s.label,
    data: s.x.map((x, i) => ({ x, y: s.y[i]! })),
    ...lineStyle({ ...s, dash: s.dash ?? (s.dashed ? CURVE_DASH.test : undefined) }, xEnd, compact),
    tension: 0,
    spanGaps: true,
    order: s.behind ? 1 : 0,
  }))
}

/** The configuration with the data; `applyLineOptions` and `applyLineSeries` change a live chart alike. */
export function lineChartConfig(series: readonly LineSeries[], o: LineChartOptions): ChartConfiguration<'line'> {
  const compact = o.compact === true
  // Only set when compact: an explicit `font: undefined` keeps Chart.js from drawing any tick.
  const ticks = (limit: number) => (compact ? { maxTicksLimit: limit, font: { size: 10 } } : { maxTicksLimit: 11 })
  const config: ChartConfiguration<'line'> = {
    type: 'line',
    data: { datasets: [] },
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
        // At most legendMaxHeight px, so many runs never squeeze the plot away.
        legend: { display: !compact, position: 'top', maxHeight: o.legendMaxHeight, labels: { boxWidth: 14, boxHeight: 2, padding: 12 } },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${Number(item.parsed.y).toPrecision(4)}` } },
      },
    },
  }
  applyLineOptions(config, o)
  applyLineSeries(config, series, o)
  return config
}

/**
 * Sets the lines on a configuration (or a live chart): their datasets, and a legend that shows
 * each run's marker when the lines have markers (readable without colour), without the hidden ones.
 */
export function applyLineSeries(target: { data: ChartConfiguration<'line'>['data']; options?: ChartConfiguration<'line'>['options'] }, series: readonly LineSeries[], o: LineChartOptions): void {
  target.data.datasets = lineDatasets(series, o.compact === true, o.xMax)
  const hidden = new Set(series.flatMap((s, i) => (s.hideInLegend ? [i] : [])))
  const labels = target.options!.plugins!.legend!.labels!
  // With markers, each entry shows its run's marker at a readable size (else a short line).
  labels.usePointStyle = series.some((s) => s.marker)
  labels.boxWidth = labels.usePointStyle ? 10 : 14
  labels.boxHeight = labels.usePointStyle ? 10 : 2
  labels.filter = (item) => !hidden.has(item.datasetIndex ?? -1)
  labels.generateLabels = (chart) =>
    Chart.defaults.plugins.legend.labels.generateLabels(chart).map((item) => ({ ...item, text: series[item.datasetIndex ?? -1]?.legendLabel ?? item.text }))
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
  target.options!.plugins!.legend!.maxHeight = o.legendMaxHeight
  target.options!.plugins!.title!.text = o.title
  ;(x as { title: { text: string } }).title.text = o.xLabel
  ;(y as { title: { text: string } }).title.text = o.yLabel
}
