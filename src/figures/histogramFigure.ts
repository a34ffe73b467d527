/**
 * Lab 3's exports: the whole grid drawn as one opaque figure (row and column names, each cell's
 * layer histograms with their flags), and every bin of every layer as a long-format CSV.
 */
import type { Activation, InitSpec } from '../shared/schemas'
import { FIGURE_FONT, figureCanvas, type Canvas2D, type CanvasFactory } from './canvas'
import { csvLines } from './csv'
import { FLAG_COLORS, layerSummary, mainFlag, percent } from './histogramFlags'
import type { GridRow } from './histogramGrid'
import { drawHistogramStrip } from './histogramPlot'

/** One row per (init, activation, layer, bin), with the layer's statistics repeated on each row. */
export function histogramsCsv(rows: readonly GridRow[]): string {
  const head = ['init', 'activation', 'layer', 'bin', 'bin_start', 'bin_end', 'count', 'layer_mean', 'layer_std', 'layer_saturated', 'layer_dead', 'layer_outside']
  const lines = rows.flatMap((row) =>
    row.cells.flatMap((cell) =>
      (cell.data?.layers ?? []).flatMap((l) =>
        l.counts.map((count, b) => [row.label, cell.activation, l.layer, b + 1, l.edges[b], l.edges[b + 1], count, l.mean, l.std, l.saturated, l.dead, l.outside]),
      ),
    ),
  )
  return csvLines([head, ...lines])
}

export interface HistogramsFigureText {
  title: string
  footer: string
  legend: string
  activationName: (a: Activation) => string
  initName: (i: InitSpec) => string
  initFormula: (i: InitSpec) => string
  metric: (kind: 'saturated' | 'dead') => string
  /** A standard deviation as the figure prints it (two significant digits). */
  sigma: (std: number) => string
}

const WIDTH = 1500
const PAD = 24
const ROW_HEAD = 190
const GAP = 12
const STRIP_H = 78
const CELL_H = STRIP_H + 50

export function renderHistogramsFigure(create: CanvasFactory, rows: readonly GridRow[], text: HistogramsFigureText, ratio: number): Canvas2D {
  const font = FIGURE_FONT
  const cols = rows[0]?.cells.length ?? 1
  const cellW = (WIDTH - 2 * PAD - ROW_HEAD - (cols - 1) * GAP) / cols
  const top = 76
  const height = top + rows.length * (CELL_H + GAP) + 58
  const { canvas, ctx } = figureCanvas(create, WIDTH, height, ratio, { text: text.title, x: PAD })
  ctx.font = `600 13px ${font}`
  ctx.textAlign = 'center'
  rows[0]?.cells.forEach((c, j) => ctx.fillText(text.activationName(c.activation), PAD + ROW_HEAD + j * (cellW + GAP) + cellW / 2, top - 12))

  rows.forEach((row, i) => {
    const y = top + i * (CELL_H + GAP)
    ctx.textAlign = 'left'
    ctx.fillStyle = '#1f2937'
    ctx.font = `600 14px ${font}`
    ctx.fillText(text.initName(row.init), PAD, y + 22, ROW_HEAD - 10)
    ctx.fillStyle = '#6b7280'
    ctx.font = `12px ${font}`
    ctx.fillText(text.initFormula(row.init), PAD, y + 40, ROW_HEAD - 10)
    row.cells.forEach((cell, j) => {
      const x = PAD + ROW_HEAD + j * (cellW + GAP)
      ctx.strokeStyle = '#e4e7ec'
      ctx.lineWidth = 1
      ctx.strokeRect(x + 0.5, y + 0.5, cellW - 1, CELL_H - 1)
      const layers = cell.data?.layers ?? []
      if (layers.length === 0) return
      const box = { x: x + 8, y: y + 8, w: cellW - 16, h: STRIP_H }
      drawHistogramStrip(ctx, box, layers, cell.activation)
      const w = (box.w - 6 * (layers.length - 1)) / layers.length
      ctx.textAlign = 'center'
      ctx.font = `11px ${font}`
      layers.forEach((l, k) => {
        const s = layerSummary(l, cell.activation)
        const flag = mainFlag(s.flags)
        const cx = box.x + k * (w + 6) + w / 2
        ctx.fillStyle = s.flags.includes(s.metric) ? FLAG_COLORS[s.metric].fg : '#3b4252'
        ctx.fillText(`${text.metric(s.metric)} ${percent(s.fraction)}`, cx, box.y + STRIP_H + 16, w)
        ctx.fillStyle = flag === 'identical' || flag === 'narrow' ? FLAG_COLORS[flag].fg : '#6b7280'
        ctx.fillText(`σ ${text.sigma(l.std)}`, cx, box.y + STRIP_H + 31, w)
      })
    })
  })
  ctx.textAlign = 'left'
  ctx.fillStyle = '#6b7280'
  ctx.font = `12px ${font}`
  ctx.fillText(text.legend, PAD, height - 34, WIDTH - 2 * PAD)
  ctx.fillText(text.footer, PAD, height - 14, WIDTH - 2 * PAD)
  return canvas
}
