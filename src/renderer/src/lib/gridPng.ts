/**
 * Several Chart.js charts of the same size composed into one opaque PNG, as a grid under a title
 * and a legend line (the small multiples of lab 5 exported as one figure, like the book's).
 */
import type { Chart } from 'chart.js'

export interface GridLegendItem {
  label: string
  color: string
  dashed?: boolean
}

export interface GridPngOptions {
  columns: number
  title: string
  legend: GridLegendItem[]
  /** Device pixels per CSS pixel of the output (2 = sharp enough for slides and print). */
  ratio: number
  /** Redraws a chart at another pixel ratio while `draw` runs (useChartExport's renderAtRatio). */
  atRatio: <T>(chart: Chart, ratio: number, draw: () => T) => T
}

const GAP = 8
const HEAD = 56

export function composeGridPng(charts: Chart[], opts: GridPngOptions): string {
  if (charts.length === 0) throw new Error('nothing to export')
  const { columns, ratio } = opts
  const cellW = Math.max(...charts.map((c) => c.width))
  const cellH = Math.max(...charts.map((c) => c.height))
  const rows = Math.ceil(charts.length / columns)
  const cols = Math.min(columns, charts.length)
  const canvas = document.createElement('canvas')
  canvas.width = Math.round((cols * cellW + (cols + 1) * GAP) * ratio)
  canvas.height = Math.round((HEAD + rows * cellH + (rows + 1) * GAP) * ratio)
  const ctx = canvas.getContext('2d')!
  ctx.scale(ratio, ratio)
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)

  const font = getComputedStyle(document.documentElement).getPropertyValue('--font-sans').trim() || 'system-ui, sans-serif'
  ctx.fillStyle = '#1f2937'
  ctx.font = `bold 15px ${font}`
  ctx.textBaseline = 'middle'
  ctx.fillText(opts.title, GAP + 4, 18)
  ctx.font = `12px ${font}`
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

  charts.forEach((chart, i) => {
    const left = GAP + (i % columns) * (cellW + GAP)
    const top = HEAD + GAP + Math.floor(i / columns) * (cellH + GAP)
    opts.atRatio(chart, ratio, () => ctx.drawImage(chart.canvas, left, top, chart.width, chart.height))
  })
  return canvas.toDataURL('image/png')
}
