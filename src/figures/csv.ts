/**
 * The one CSV writer (RFC 4180 quoting: fields with a comma, quote or line break in double
 * quotes, quotes doubled) of the app's downloads and the CLI's export, and its reader. The CLI's
 * files end lines with CRLF as RFC 4180 says; the app's downloads keep LF. Numbers are written as
 * JavaScript prints them, which reads back to the same double (NaN/Infinity of a diverged run included).
 */
import type { ExperimentDetail } from '../shared/records'
import { SERIES_NAMES, type SeriesName } from '../shared/schemas'

export type CsvCell = string | number | null | undefined

const EOL = '\r\n'

/**
 * One CSV field, quoted when it has to be; null and undefined are empty. Text starting with `=`,
 * `+`, `-`, `@`, a tab or a carriage return would be run as a formula by a spreadsheet (CSV
 * injection, OWASP): it gets a leading `'`, which spreadsheets show as text. Numbers are written
 * as they are.
 */
export function csvField(v: CsvCell): string {
  if (v === null || v === undefined) return ''
  let s = String(v)
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** Rows of fields as CSV text, every line (the last too) ended by `eol`. */
export function csvLines(rows: readonly (readonly CsvCell[])[], eol = '\n'): string {
  return rows.map((r) => r.map(csvField).join(',') + eol).join('')
}

const row = (fields: CsvCell[]) => csvLines([fields], EOL)

/** A table: a header row, then one row per record; a number that is not finite is an empty cell. */
export function tableCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return csvLines([headers, ...rows.map((r) => r.map((v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)))])
}

/** One column of a chart's data: a value per step. */
export interface CsvColumn {
  header: string
  steps: readonly number[]
  values: readonly number[]
}

/** Rows by step over the union of all columns' steps; a column without that step is empty. */
export function columnsCsv(columns: readonly CsvColumn[], firstHeader = 'iteration'): string {
  const steps = [...new Set(columns.flatMap((c) => c.steps))].sort((a, b) => a - b)
  const lookups = columns.map((c) => new Map(c.steps.map((s, i) => [s, c.values[i]!])))
  return csvLines([[firstHeader, ...columns.map((c) => c.header)], ...steps.map((s) => [s, ...lookups.map((m) => (m.has(s) ? m.get(s)! : ''))])])
}

/** Long format: `run_id,label,series,step,value`, one line per recorded point of every run. */
export function experimentCsv(detail: ExperimentDetail): string {
  const out: string[] = [row(['run_id', 'label', 'series', 'step', 'value'])]
  for (const run of detail.runs) {
    const label = csvField(run.label)
    for (const s of run.series) {
      const n = Math.min(s.steps.length, s.values.length)
      const head = `${run.id},${label},${s.series},`
      for (let i = 0; i < n; i++) out.push(head + s.steps[i] + ',' + s.values[i] + EOL)
    }
  }
  return out.join('')
}

/**
 * Wide format for one series: `step` then a column per run (its label; ` #id` added when two
 * runs share a label), one line per step any run recorded; a run without that step leaves its cell empty.
 */
export function experimentWideCsv(detail: ExperimentDetail, series: SeriesName): string {
  if (!SERIES_NAMES.includes(series)) throw new Error(`unknown series '${series}' (known: ${SERIES_NAMES.join(', ')})`)
  const runs = detail.runs
  const count = new Map<string, number>()
  for (const r of runs) count.set(r.label, (count.get(r.label) ?? 0) + 1)
  const columns = runs.map((r) => (count.get(r.label)! > 1 ? `${r.label} #${r.id}` : r.label))
  const byRun = runs.map((r) => {
    const m = new Map<number, number>()
    const s = r.series.find((x) => x.series === series)
    if (s) for (let i = 0; i < Math.min(s.steps.length, s.values.length); i++) m.set(s.steps[i], s.values[i])
    return m
  })
  const steps = [...new Set(byRun.flatMap((m) => [...m.keys()]))].sort((a, b) => a - b)
  const out = [row(['step', ...columns])]
  for (const step of steps) out.push(row([step, ...byRun.map((m) => (m.has(step) ? m.get(step)! : ''))]))
  return out.join('')
}

/** Parses RFC 4180 CSV (CRLF or LF line ends) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let i = 0
  const endRow = () => {
    fields.push(field)
    rows.push(fields)
    fields = []
    field = ''
  }
  while (i < text.length) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), (i += 2)
      else if (ch === '"') (quoted = false), i++
      else (field += ch), i++
    } else if (ch === '"' && field === '') (quoted = true), i++
    else if (ch === ',') fields.push(field), (field = ''), i++
    else if (ch === '\r' && text[i + 1] === '\n') endRow(), (i += 2)
    else if (ch === '\n') endRow(), i++
    else (field += ch), i++
  }
  if (quoted) throw new Error('CSV ends inside a quoted field')
  if (field !== '' || fields.length) endRow()
  return rows
}
