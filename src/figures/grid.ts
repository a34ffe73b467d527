/**
 * Small multiples of the same size composed into one opaque figure, as a grid under a title and
 * a legend line (lab 5's panels and lab 7's best trials, like the book's grids). The cells are
 * drawn by whoever owns them (live Chart.js charts in the app, charts drawn for the export in Node).
 */
import { FIGURE_FONT, context2d, drawCanvas, type Canvas2D, type CanvasFactory } from './canvas'

export interface GridLegendItem {
  label: string
  color: string
  dashed?: boolean
}

export interface GridOptions {
  columns: number
  title: string
  legend: GridLegendItem[]
  /** Device pixels per CSS pixel of the output (2 = sharp enough for slides and print). */
  ratio: number
  /** How many cells, and the CSS size of each. */
  count: number
  cellW: number
  cellH: number
  /** Draws cell `i` by handing its canvas (at `ratio`) to `place`. */
  cell: (i: number, place: (source: Canvas2D) => void) => void
}

const GAP = 8
const HEAD = 56

export function composeGrid(create: CanvasFactory, opts: GridOptions): Canvas2D {
  if (opts.count === 0) throw new Error('nothing to export')
  const { columns, ratio, cellW, cellH } = opts
  const rows = Math.ceil(opts.count / columns)
  const cols = Math.min(columns, opts.count)
  const canvas = create(Math.round((cols * cellW + (cols + 1) * GAP) * ratio), Math.round((HEAD + rows * cellH + (rows + 1) * GAP) * ratio))
  const ctx = context2d(canvas)
  ctx.scale(ratio, ratio)
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)

  ctx.fillStyle = '#1f2937'
  ctx.font = `bold 15px ${FIGURE_FONT}`
  ctx.textBaseline = 'middle'
  ctx.fillText(opts.title, GAP + 4, 18)
  ctx.font = `12px ${FIGURE_FONT}`
  let x = GAP + 4
  for (const item of opts.legend) {
    ctx.strokeStyle = item.color
    ctx.lineWidth = 2
    ctx.setLineDash(item.dashed ? [6, 4] : [])
    ctx.beginPath()
    ctx.moveTo(x, 42)
    ctx.lineTo(x + 26, 42)
    ctx.stroke()
    ctx.fillStyle = '#3b4252'
    ctx.fillText(item.label, x + 32, 42)
    x += 32 + ctx.measureText(item.label).width + 24
  }
  ctx.setLineDash([])

  for (let i = 0; i < opts.count; i++) {
    const left = GAP + (i % columns) * (cellW + GAP)
    const top = HEAD + GAP + Math.floor(i / columns) * (cellH + GAP)
    opts.cell(i, (source) => drawCanvas(ctx, source, left, top, cellW, cellH))
  }
  return canvas
}
