/**
 * Chart.js for lab 7: the app's setup plus what the search draws (scatter on logarithmic axes,
 * chartjs-chart-matrix cells, subtitles), and the heatmap's own drawing: the colour bar (with
 * matplotlib's triangular ends when values are clamped), the clamp marks on cells and the rank
 * labels of the best trials. Everything is drawn on the canvas, so an exported PNG has it too.
 */
import { Chart, LogarithmicScale, ScatterController, SubTitle, type Plugin } from 'chart.js'
import { MatrixController, MatrixElement } from 'chartjs-chart-matrix'
import { FIGURE_FONT } from './canvas'
import { setupCharts } from './chartSetup'
import { viridis, type ColorScale } from './viridis'

let registered = false

export function setupSearchCharts(): typeof Chart {
  const charts = setupCharts()
  if (!registered) {
    registered = true
    charts.register(ScatterController, LogarithmicScale, SubTitle, MatrixController, MatrixElement)
  }
  return charts
}

export interface HeatmapMarks {
  scale: ColorScale
  barTitle: string
  /** How many shown values lie above / below the colour range (drawn clamped). */
  above: number
  below: number
  /** Cells whose value was clamped, in data units. */
  clampedCells: { x0: number; x1: number; y0: number; y1: number; dir: -1 | 1 }[]
  /** Rank labels next to the best trials, in data units. */
  ranks: { x: number; y: number; rank: number }[]
}

/** Room on the right of the plot for the colour bar and its labels. */
export const COLOR_BAR_ROOM = 92

function font(size: number, weight = ''): string {
  return `${weight} ${size}px ${FIGURE_FONT}`.trim()
}

function drawColorBar(chart: Chart, m: HeatmapMarks): void {
  const { ctx, chartArea: a } = chart
  const x = a.right + 14
  const w = 12
  const tip = 9
  const top = a.top + (m.above > 0 ? tip : 0)
  const bottom = a.bottom - (m.below > 0 ? tip : 0)
  const g = ctx.createLinearGradient(0, bottom, 0, top)
  for (let i = 0; i <= 10; i++) g.addColorStop(i / 10, viridis(i / 10))
  ctx.save()
  ctx.fillStyle = g
  ctx.fillRect(x, top, w, bottom - top)
  ctx.strokeStyle = 'rgb(0 0 0 / 0.35)'
  ctx.strokeRect(x + 0.5, top + 0.5, w - 1, bottom - top - 1)
  // Triangular ends (as matplotlib's extend='both'): some values lie beyond that end.
  const end = (y0: number, y1: number, color: string) => {
    ctx.beginPath()
    ctx.moveTo(x, y0)
    ctx.lineTo(x + w, y0)
    ctx.lineTo(x + w / 2, y1)
    ctx.closePath()
    ctx.fillStyle = color
    ctx.fill()
    ctx.stroke()
  }
  if (m.above > 0) end(top, a.top, viridis(1))
  if (m.below > 0) end(bottom, a.bottom, viridis(0))
  ctx.fillStyle = '#3b4252'
  ctx.font = font(11)
  ctx.textBaseline = 'middle'
  const span = m.scale.max - m.scale.min
  const digits = span > 0 && span < 0.05 ? 3 : 2
  for (let i = 0; i <= 4; i++) {
    const y = bottom - ((bottom - top) * i) / 4
    ctx.fillRect(x + w, y - 0.5, 3, 1)
    ctx.fillText((m.scale.min + (span * i) / 4).toFixed(digits), x + w + 6, y)
  }
  ctx.save()
  // The bar's title, read bottom to top, right of its labels (as matplotlib's colorbar label).
  ctx.translate(a.right + COLOR_BAR_ROOM - 8, (a.top + a.bottom) / 2)
  ctx.rotate(-Math.PI / 2)
  ctx.textAlign = 'center'
  ctx.font = font(11, '600')
  ctx.fillText(m.barTitle, 0, 0)
  ctx.restore()
  ctx.restore()
}

function drawMarks(chart: Chart, m: HeatmapMarks): void {
  const { ctx } = chart
  const xs = chart.scales.x
  const ys = chart.scales.y
  if (!xs || !ys) return
  ctx.save()
  for (const c of m.clampedCells) {
    const right = xs.getPixelForValue(c.x1)
    const top = ys.getPixelForValue(c.y1)
    const s = Math.min(9, Math.abs(right - xs.getPixelForValue(c.x0)) / 3)
    ctx.beginPath()
    ctx.moveTo(right - 1, top + 1)
    ctx.lineTo(right - 1 - s, top + 1)
    ctx.lineTo(right - 1, top + 1 + s)
    ctx.closePath()
    ctx.fillStyle = c.dir > 0 ? 'rgb(31 41 55 / 0.85)' : 'rgb(255 255 255 / 0.9)'
    ctx.fill()
  }
  ctx.font = font(11, '700')
  ctx.textBaseline = 'bottom'
  ctx.lineWidth = 3
  ctx.strokeStyle = 'rgb(255 255 255 / 0.9)'
  ctx.fillStyle = '#111827'
  for (const r of m.ranks) {
    const px = xs.getPixelForValue(r.x) + 6
    const py = ys.getPixelForValue(r.y) - 4
    ctx.strokeText(String(r.rank), px, py)
    ctx.fillText(String(r.rank), px, py)
  }
  ctx.restore()
}

/** The heatmap's own drawing, reading the current marks on every draw. */
export function heatmapPlugin(marks: () => HeatmapMarks | null): Plugin {
  return {
    id: 'searchHeatmapMarks',
    afterDatasetsDraw(chart) {
      const m = marks()
      if (m) drawMarks(chart, m)
    },
    afterDraw(chart) {
      const m = marks()
      if (m) drawColorBar(chart, m)
    },
  }
}
