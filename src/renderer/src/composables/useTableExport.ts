/**
 * A table as a CSV file (one row per record, a header row first), downloaded through an anchor
 * like the chart exports. Chart CSVs (useChartExport) are keyed by iteration; this is for tables.
 */
export type CsvCell = string | number | null | undefined

function cell(v: CsvCell): string {
  if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return ''
  let s = String(v)
  // text a spreadsheet would run as a formula gets a leading ' (numbers, negative ones too, stay numbers)
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function tableCsv(headers: string[], rows: CsvCell[][]): string {
  return `${[headers, ...rows].map((r) => r.map(cell).join(',')).join('\n')}\n`
}

export function useTableExport() {
  function exportTableCsv(headers: string[], rows: CsvCell[][], filename: string): void {
    const url = URL.createObjectURL(new Blob([tableCsv(headers, rows)], { type: 'text/csv;charset=utf-8' }))
    const a = document.createElement('a')
    a.href = url
    a.download = filename
    a.style.display = 'none'
    document.body.append(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
  return { exportTableCsv }
}
