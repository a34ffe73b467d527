/**
 * Exports of a chart: a PNG with an opaque white background (painted by the `opaqueBackground`
 * Chart.js plugin) that carries the settings in PNG text metadata, and a CSV of its curves
 * (iteration, then one column per curve). Files are downloaded through an anchor, so the same
 * code works in Electron and in a browser.
 */
import type { Chart } from 'chart.js'
import { addPngText, dataUrlToBytes } from '../lib/png'

export interface CsvColumn {
  header: string
  steps: readonly number[]
  values: readonly number[]
}

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

/** A header cell; text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading '. */
function csvCell(v: string): string {
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v
}

/** Rows by iteration over the union of all columns' steps; a column without that step is empty. */
export function toCsv(columns: CsvColumn[], firstHeader = 'iteration'): string {
  const steps = [...new Set(columns.flatMap((c) => c.steps))].sort((a, b) => a - b)
  const lookups = columns.map((c) => new Map(c.steps.map((s, i) => [s, c.values[i]!])))
  const lines = [[firstHeader, ...columns.map((c) => c.header)].map(csvCell).join(',')]
  for (const s of steps) lines.push([String(s), ...lookups.map((m) => (m.has(s) ? String(m.get(s)) : ''))].join(','))
  return `${lines.join('\n')}\n`
}

export function useChartExport() {
  /** Downloads the chart as PNG; `metadata` becomes tEXt chunks (e.g. Title, Comment = settings JSON). */
  function exportPng(chart: Chart, filename: string, metadata: Record<string, string> = {}): void {
    const ratio = Math.max(EXPORT_PIXEL_RATIO, window.devicePixelRatio || 1)
    exportPngDataUrl(renderAtRatio(chart, ratio, () => chart.toBase64Image('image/png', 1)), filename, metadata)
  }

  /** Downloads an already drawn PNG (e.g. several charts composed into one) with the same metadata. */
  function exportPngDataUrl(dataUrl: string, filename: string, metadata: Record<string, string> = {}): void {
    const tagged = addPngText(dataUrlToBytes(dataUrl), { Software: 'Gradient Lab', ...metadata })
    download(new Blob([tagged as Uint8Array<ArrayBuffer>], { type: 'image/png' }), filename)
  }

  /** `firstHeader` names the first column ('iteration', or 'epoch' for labs that count epochs). */
  function exportCsv(columns: CsvColumn[], filename: string, firstHeader = 'iteration'): void {
    download(new Blob([toCsv(columns, firstHeader)], { type: 'text/csv;charset=utf-8' }), filename)
  }

  function exportJson(value: unknown, filename: string): void {
    download(new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' }), filename)
  }

  /** Downloads text as it is (e.g. a CSV in long format that `toCsv`'s step columns do not fit). */
  function exportText(text: string, filename: string, type = 'text/csv;charset=utf-8'): void {
    download(new Blob([text], { type }), filename)
  }

  return { exportPng, exportPngDataUrl, exportCsv, exportJson, exportText }
}
