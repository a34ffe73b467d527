/**
 * What every exported experiment figure shares: an opaque white canvas, a Chart.js chart drawn
 * once into a rectangle of it, the footer line naming the experiment, and the figure that only
 * says why there is nothing to plot. Node-safe: the caller gives the canvases.
 */
import { BasicPlatform, type ChartConfiguration } from 'chart.js'
import type { ExperimentDetail } from '../shared/records'
import { FIGURE_FONT, context2d, drawCanvas, type Canvas2D, type CanvasFactory } from './canvas'
import { setupSearchCharts } from './searchCharts'

export const FOOTER_H = 26
const MUTED = '#6b7280'

/** An opaque white canvas. */
export function blank(create: CanvasFactory, width: number, height: number): Canvas2D {
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

export function drawFooter(canvas: Canvas2D, detail: ExperimentDetail): void {
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
export function drawChart(create: CanvasFactory, canvas: Canvas2D, x: number, y: number, w: number, h: number, config: ChartConfiguration<'line'> | ChartConfiguration<'scatter'>): void {
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

/** `figure` with the footer line added below it. */
export function withFooter(create: CanvasFactory, figure: Canvas2D, detail: ExperimentDetail): Canvas2D {
  const canvas = blank(create, figure.width, figure.height + FOOTER_H)
  drawCanvas(context2d(canvas), figure, 0, 0, figure.width, figure.height)
  drawFooter(canvas, detail)
  return canvas
}

/** A figure that only says why there is nothing to plot. */
export function messageFigure(create: CanvasFactory, detail: ExperimentDetail, width: number, height: number, message: string): Canvas2D {
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
