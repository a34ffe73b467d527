/**
 * Lab 1's exports: the whole figure (the overlay with a legend, then one small plot per optimizer,
 * like the book's 2×2 figure) drawn on one opaque canvas; the paths as CSV columns; the settings
 * that reproduce them.
 */
import type { Paths2dResult } from '../labs/paths-2d/lab'
import { FIGURE_FONT, figureCanvas, type Canvas2D, type CanvasFactory } from './canvas'
import type { ContourField } from './contourField'
import { contourLayout, drawContourBackground } from './contourPlot'
import { drawContourSeries, type PlotSeries } from './contourSeries'
import type { CsvColumn } from './csv'

/** The parameters that reproduce a result (every path carries its optimizer and hyperparameters). */
export function pathsParams(result: Paths2dResult, seed: number) {
  return {
    fn: result.fn,
    start: result.start,
    steps: result.steps,
    optimizers: result.paths.map((p) => ({ kind: p.optimizer, ...p.hyperparameters })),
    seed,
  }
}

/** step, then x, y and f of each optimizer (stable names: 'sgd x'); a diverged path's cells stay empty. */
export function pathsCsvColumns(result: Paths2dResult): CsvColumn[] {
  return result.paths.flatMap((p) => {
    const idx = p.points.map((_, i) => i).filter((i) => Number.isFinite(p.points[i]?.[0]) && Number.isFinite(p.points[i]?.[1]))
    return [
      { header: `${p.optimizer} x`, steps: idx, values: idx.map((i) => p.points[i]![0]) },
      { header: `${p.optimizer} y`, steps: idx, values: idx.map((i) => p.points[i]![1]) },
      { header: `${p.optimizer} f`, steps: idx, values: idx.map((i) => p.values[i]!) },
    ]
  })
}

export interface PathsFigureText {
  title: string
  overlayTitle: string
  footer: string
  seriesTitle: (s: PlotSeries) => string
}

const WIDTH = 1200
const PAD = 24
const LEGEND = 190
const COLUMNS = 3

/** The figure at `ratio` × its CSS size, opaque white, on a canvas from `create` (ready to encode). */
export function renderPathsFigure(
  create: CanvasFactory,
  field: ContourField,
  series: PlotSeries[],
  step: number,
  start: readonly number[] | null,
  text: PathsFigureText,
  ratio: number,
): Canvas2D {
  const font = FIGURE_FONT
  const overlay = contourLayout(WIDTH - 2 * PAD - LEGEND, field, { title: text.overlayTitle, maxPlotHeight: 520 })
  const cellW = (WIDTH - 2 * PAD - (COLUMNS - 1) * 16) / COLUMNS
  const small = contourLayout(cellW, field, { title: 'x', compact: true, maxPlotHeight: 300 })
  const rows = Math.ceil(series.length / COLUMNS)
  const top = 44
  const gridTop = top + overlay.height + 18
  const height = gridTop + rows * (small.height + 14) + 34

  const { canvas, ctx } = figureCanvas(create, WIDTH, height, ratio, { text: text.title, x: PAD })

  ctx.save()
  ctx.translate(PAD, top)
  drawContourBackground(ctx, overlay, field, { title: text.overlayTitle })
  drawContourSeries(ctx, overlay, field, series, step, { start })
  ctx.restore()

  // Legend to the right of the overlay.
  ctx.font = `13px ${font}`
  ctx.textBaseline = 'middle'
  series.forEach((s, i) => {
    const x = WIDTH - PAD - LEGEND + 20
    const y = top + overlay.plot.y + 14 + i * 24
    ctx.strokeStyle = s.color
    ctx.fillStyle = s.color
    ctx.lineWidth = 2
    ctx.beginPath()
    ctx.moveTo(x, y)
    ctx.lineTo(x + 26, y)
    ctx.stroke()
    ctx.beginPath()
    ctx.arc(x + 13, y, 3.2, 0, Math.PI * 2)
    ctx.fill()
    ctx.fillStyle = '#1f2937'
    ctx.fillText(s.label, x + 34, y, LEGEND - 60)
  })

  series.forEach((s, i) => {
    ctx.save()
    ctx.translate(PAD + (i % COLUMNS) * (cellW + 16), gridTop + Math.floor(i / COLUMNS) * (small.height + 14))
    const title = text.seriesTitle(s)
    drawContourBackground(ctx, small, field, { title, compact: true })
    drawContourSeries(ctx, small, field, [s], step, { compact: true, start })
    ctx.restore()
  })

  ctx.fillStyle = '#6b7280'
  ctx.font = `12px ${font}`
  ctx.textBaseline = 'alphabetic'
  ctx.fillText(text.footer, PAD, height - 14, WIDTH - 2 * PAD)
  return canvas
}
