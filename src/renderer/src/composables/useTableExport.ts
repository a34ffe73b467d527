/**
 * A table as a CSV file (one row per record, a header row first), downloaded through an anchor
 * like the chart exports (the figures' one CSV writer). Chart CSVs (useChartExport) are keyed by iteration; this is for tables.
 */
import { tableCsv, type CsvCell } from '@figures/csv'
import { download } from './useChartExport'

export type { CsvCell }
export { tableCsv }

export function useTableExport() {
  function exportTableCsv(headers: string[], rows: CsvCell[][], filename: string): void {
    download(new Blob([tableCsv(headers, rows)], { type: 'text/csv;charset=utf-8' }), filename)
  }
  return { exportTableCsv }
}
