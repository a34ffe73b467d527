/** Row shapes as SQLite returns them, and their mapping to the shared records. */
import type { ExperimentRecord, RunRecord, Series } from '../../shared/records'
import { RunFactsSchema, legacyRunFacts } from '../../shared/run-facts'
import type { LabId } from '../../labs/registry'
import { SERIES_NAMES, type RunStatus } from '../../shared/schemas'

export interface ExperimentRow {
  id: number
  lab_id: string
  name: string
  params: string
  seed: number
  tags: string
  parent_id: number | null
  result: string | null
  created_at: string
}

export interface RunRow {
  id: number
  experiment_id: number
  ordinal: number
  label: string
  meta: string
  spec: string
  status: string
  error: string | null
  final: string | null
  created_at: string
  started_at: string | null
  finished_at: string | null
  /** RunFacts JSON, written at plan time (NULL only if a row escaped migration 003). */
  facts: string | null
}

export function toExperiment(r: ExperimentRow): ExperimentRecord {
  return {
    id: r.id,
    labId: r.lab_id as LabId,
    name: r.name,
    params: JSON.parse(r.params),
    seed: r.seed,
    tags: JSON.parse(r.tags),
    parentId: r.parent_id,
    result: r.result === null ? null : JSON.parse(r.result),
    createdAt: r.created_at,
  }
}

export function toRun(r: RunRow): RunRecord {
  const spec = JSON.parse(r.spec)
  const facts = r.facts === null ? null : RunFactsSchema.safeParse(JSON.parse(r.facts))
  return {
    id: r.id,
    experimentId: r.experiment_id,
    ordinal: r.ordinal,
    label: r.label,
    meta: JSON.parse(r.meta),
    spec,
    facts: facts?.success ? facts.data : legacyRunFacts(spec),
    status: r.status as RunStatus,
    error: r.error,
    final: r.final === null ? null : JSON.parse(r.final),
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  }
}

/** JSON text for a column; `undefined` becomes NULL. */
export function json(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value)
}

const seriesRank = (name: string) => {
  const i = (SERIES_NAMES as readonly string[]).indexOf(name)
  return i < 0 ? SERIES_NAMES.length : i
}

/**
 * Groups [series, step, value] rows (ordered by series, step) into Series, in the order of
 * SERIES_NAMES (loss, trainAcc, testAcc, valAcc). NULL values (stored NaN) come back as NaN.
 */
export function groupSeries(rows: [string, number, number | null][]): Series[] {
  const out: Series[] = []
  let current: Series | undefined
  for (const [name, step, value] of rows) {
    if (!current || current.series !== name) {
      current = { series: name as Series['series'], steps: [], values: [] }
      out.push(current)
    }
    current.steps.push(step)
    current.values.push(value === null ? Number.NaN : value)
  }
  return out.sort((a, b) => seriesRank(a.series) - seriesRank(b.series) || a.series.localeCompare(b.series))
}

/** Trims, drops empty and duplicate tags (first spelling kept). */
export function normalizeTags(tags: readonly string[] | undefined): string[] {
  const out: string[] = []
  for (const t of tags ?? []) {
    const s = t.trim()
    if (s && !out.includes(s)) out.push(s)
  }
  return out
}
