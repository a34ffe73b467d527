/**
 * Exports of a chart: a PNG with an opaque white background (painted by the `opaqueBackground`
 * Chart.js plugin) that carries the settings in PNG text metadata (iTXt, so Korean stays
 * readable), and a CSV of its curves (iteration, then one column per curve). Files are downloaded
 * through an anchor, so the same code works in Electron and in a browser. The drawing, the CSV
 * writer and the PNG text writer are the figures' (src/figures), shared with the CLI's export.
 */
import type { Chart } from 'chart.js'
import type { Canvas2D, CanvasFactory } from '@figures/canvas'
import { columnsCsv, type CsvColumn } from '@figures/csv'
import { composeGrid, type GridLegendItem } from '@figures/grid'
import { addPngText } from '@figures/pngText'

export type { CsvColumn }

export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.rel = 'noopener'
  a.style.display = 'none'
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Exports are drawn at (at least) twice the screen's resolution, sharp enough for slides and print. */
export const EXPORT_PIXEL_RATIO = 2

export const exportRatio = () => Math.max(EXPORT_PIXEL_RATIO, window.devicePixelRatio || 1)

/** The figures' canvases in the renderer: HTML canvases. */
export const htmlCanvas: CanvasFactory = (width, height) => {
  const c = document.createElement('canvas')
  c.width = width
  c.height = height
  return c
}

export function renderAtRatio<T>(chart: Chart, ratio: number, fn: () => T): T {
  const previous = chart.options.devicePixelRatio
  chart.options.devicePixelRatio = ratio
  chart.resize()
  try {
    return fn()
  } finally {
    chart.options.devicePixelRatio = previous
    chart.resize()
  }
}

/** Live charts of one size composed into one grid figure (lab 5's panels, lab 7's best trials), as a PNG data URL. */
export function chartsGridPng(charts: Chart[], opts: { columns: number; title: string; legend: GridLegendItem[] }): string {
  const ratio = exportRatio()
  const canvas = composeGrid(htmlCanvas, {
    ...opts,
    ratio,
    count: charts.length,
    cellW: Math.max(...charts.map((c) => c.width)),
    cellH: Math.max(...charts.map((c) => c.height)),
    cell: (i, place) => renderAtRatio(charts[i]!, ratio, () => place(charts[i]!.canvas)),
  })
  return (canvas as HTMLCanvasElement).toDataURL('image/png')
}

export function dataUrlToBytes(dataUrl: string): Uint8Array {
  const bin = atob(dataUrl.slice(dataUrl.indexOf(',') + 1))
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return bytes
}

export function useChartExport() {
  /** Downloads the chart as PNG; `metadata` becomes iTXt chunks (e.g. Title, Comment = settings JSON). */
  function exportPng(chart: Chart, filename: string, metadata: Record<string, string> = {}): void {
    exportPngDataUrl(renderAtRatio(chart, exportRatio(), () => chart.toBase64Image('image/png', 1)), filename, metadata)
  }

  /** Downloads an already drawn PNG (e.g. several charts composed into one) with the same metadata. */
  function exportPngDataUrl(dataUrl: string, filename: string, metadata: Record<string, string> = {}): void {
    const tagged = addPngText(dataUrlToBytes(dataUrl), { Software: 'Gradient Lab', ...metadata })
    download(new Blob([tagged as Uint8Array<ArrayBuffer>], { type: 'image/png' }), filename)
  }

  /** Downloads a figure drawn on a canvas of `htmlCanvas`. */
  function exportCanvas(canvas: Canvas2D, filename: string, metadata: Record<string, string> = {}): void {
    exportPngDataUrl((canvas as HTMLCanvasElement).toDataURL('image/png'), filename, metadata)
  }

  /** `firstHeader` names the first column ('iteration', or 'epoch' for labs that count epochs). */
  function exportCsv(columns: CsvColumn[], filename: string, firstHeader = 'iteration'): void {
    download(new Blob([columnsCsv(columns, firstHeader)], { type: 'text/csv;charset=utf-8' }), filename)
  }

  function exportJson(value: unknown, filename: string): void {
    download(new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' }), filename)
  }

  /** Downloads text as it is (e.g. a CSV in long format that the step columns of `exportCsv` do not fit). */
  function exportText(text: string, filename: string, type = 'text/csv;charset=utf-8'): void {
    download(new Blob([text], { type }), filename)
  }

  return { exportPng, exportPngDataUrl, exportCanvas, exportCsv, exportJson, exportText }
}
