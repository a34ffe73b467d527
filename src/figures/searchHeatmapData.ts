/**
 * The heatmap's Chart.js datasets and canvas marks from what it shows: binned cells (matrix, at
 * the bottom), trials still to come (hollow diamonds), failed trials (crosses), finished trials coloured by
 * validation accuracy (triangles when clamped by the colour range), the highlighted trial's ring.
 * Every data point carries its kind and index, so tooltips find the trial or cell behind it.
 */
import type { Chart, ChartConfiguration, ChartDataset } from 'chart.js'
import type { SearchRange } from '../labs/random-search/search-space'
import { searchAxis } from './searchAxes'
import { COLOR_BAR_ROOM, heatmapPlugin, type HeatmapMarks } from './searchCharts'
import type { ColorScale } from './viridis'

/** A finished trial on the plane. */
export interface HeatPoint {
  x: number
  y: number
  /** Validation accuracy. */
  v: number
  runId: number
  rank: number | null
}

/** A binned cell of the plane with the value it shows (best or mean validation accuracy of the trials inside). */
export interface HeatCell {
  x0: number
  x1: number
  y0: number
  y1: number
  value: number
}

export type HeatKind = 'point' | 'cell' | 'pending' | 'failed'
export interface HeatRaw {
  x: number
  y: number
  /** Index into the list of its kind; −1 for the highlight ring. */
  i: number
  kind: HeatKind
}

export interface HeatmapInput {
  points: HeatPoint[]
  pending: { x: number; y: number }[]
  failed: { x: number; y: number }[]
  cells: HeatCell[] | null
  scale: ColorScale
  highlight: number | null
  barTitle: string
}

const raw = (x: number, y: number, i: number, kind: HeatKind): HeatRaw => ({ x, y, i, kind })
const px = (c: Chart, axis: 'x' | 'y', v: number) => c.scales[axis]!.getPixelForValue(v)
type Ctx = { chart: Chart; dataIndex: number }

export function heatmapDatasets(d: HeatmapInput): ChartDataset<'scatter'>[] {
  const s = d.scale
  const cells = d.cells ?? []
  // Cells span their bin edges in pixels (equal widths on a log axis), with a 1 px gap.
  const matrix = {
    type: 'matrix',
    label: 'cells',
    order: 3, // Chart.js draws higher orders first: cells at the bottom, points above them
    data: cells.map((c, i) => raw(c.x0, c.y0, i, 'cell')),
    backgroundColor: ({ dataIndex }: Ctx) => s.color(cells[dataIndex]?.value ?? NaN),
    borderWidth: 0,
    anchorX: 'left',
    anchorY: 'bottom',
    width: ({ chart: c, dataIndex: i }: Ctx) => (c.scales.x && cells[i] ? Math.max(1, px(c, 'x', cells[i]!.x1) - px(c, 'x', cells[i]!.x0) - 1) : 0),
    height: ({ chart: c, dataIndex: i }: Ctx) => (c.scales.y && cells[i] ? Math.max(1, px(c, 'y', cells[i]!.y0) - px(c, 'y', cells[i]!.y1) - 1) : 0),
  } as unknown as ChartDataset<'scatter'>
  const hl = d.points.find((p) => p.runId === d.highlight)
  return [
    matrix,
    { label: 'pending', order: 2, data: d.pending.map((p, i) => raw(p.x, p.y, i, 'pending')), pointStyle: 'rectRot', pointRadius: 4, pointBackgroundColor: 'rgb(255 255 255 / 0.6)', pointBorderColor: '#6b7280', pointBorderWidth: 1.2 },
    { label: 'failed', order: 2, data: d.failed.map((p, i) => raw(p.x, p.y, i, 'failed')), pointStyle: 'crossRot', pointRadius: 5, pointBorderColor: '#b42318', pointBorderWidth: 1.6 },
    // A white halo under each trial keeps it visible on a cell of its own colour, dark or light.
    { label: 'halo', order: 1.5, data: d.points.map((p) => raw(p.x, p.y, -1, 'point')), pointRadius: 5.8, pointHoverRadius: 5.8, pointBackgroundColor: 'rgb(255 255 255 / 0.8)', pointBorderWidth: 0 },
    {
      label: 'trials',
      order: 1,
      data: d.points.map((p, i) => raw(p.x, p.y, i, 'point')),
      pointRadius: d.points.map((p) => (s.clamp(p.v) === 0 ? 4.5 : 5.5)),
      pointHoverRadius: 7,
      pointStyle: d.points.map((p) => (s.clamp(p.v) === 0 ? 'circle' : 'triangle')),
      pointRotation: d.points.map((p) => (s.clamp(p.v) < 0 ? 180 : 0)),
      pointBackgroundColor: d.points.map((p) => s.color(p.v)),
      pointBorderColor: 'rgb(17 24 39 / 0.75)',
      pointBorderWidth: 1,
    },
    { label: 'highlight', order: 0, data: hl ? [raw(hl.x, hl.y, -1, 'point')] : [], pointRadius: 10, pointBackgroundColor: 'transparent', pointBorderColor: '#d62728', pointBorderWidth: 2.5 },
  ] as ChartDataset<'scatter'>[]
}

/** What is drawn on the canvas besides the datasets: the colour bar, clamp marks, the best three's ranks. */
export function heatmapMarks(d: HeatmapInput): HeatmapMarks {
  const out = d.cells ? d.cells.map((c) => d.scale.clamp(c.value)) : d.points.map((p) => d.scale.clamp(p.v))
  return {
    scale: d.scale,
    barTitle: d.barTitle,
    above: out.filter((c) => c > 0).length,
    below: out.filter((c) => c < 0).length,
    clampedCells: (d.cells ?? []).flatMap((c) => {
      const dir = d.scale.clamp(c.value)
      return dir === 0 ? [] : [{ x0: c.x0, x1: c.x1, y0: c.y0, y1: c.y1, dir }]
    }),
    ranks: d.points.filter((p) => p.rank !== null && p.rank <= 3).map((p) => ({ x: p.x, y: p.y, rank: p.rank! })),
  }
}

export interface HeatmapLabels {
  title: string
  x: string
  y: string
}

/**
 * The heatmap's Chart.js configuration (scatter on the searched axes, the cells, the colour bar
 * and marks): the app adds its tooltips and drag selection, the CLI's export draws it as it is.
 */
export function heatmapChartConfig(
  d: HeatmapInput,
  xRange: SearchRange,
  yRange: SearchRange | null,
  labels: HeatmapLabels,
  /** The marks at each draw (a live chart's change with its data). */
  marks: () => HeatmapMarks | null = () => heatmapMarks(d),
): ChartConfiguration<'scatter'> {
  return {
    type: 'scatter',
    data: { datasets: heatmapDatasets(d) },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      layout: { padding: { right: COLOR_BAR_ROOM, top: 4 } },
      interaction: { mode: 'point', intersect: true },
      scales: { x: searchAxis(xRange, labels.x), y: searchAxis(yRange, labels.y) },
      plugins: {
        legend: { display: false },
        title: { display: true, text: labels.title, font: { size: 14, weight: 'bold' }, padding: { top: 4, bottom: 10 } },
      },
    },
    plugins: [heatmapPlugin(marks)],
  }
}
