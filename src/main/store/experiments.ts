/** Experiments: create, list with derived status, rename, tag, delete. Statements prepared once. */
import type { Database, Statement } from 'better-sqlite3'
import type { ExperimentRecord, ExperimentSummary } from '../../shared/records'
import type { LabId } from '../../labs/registry'
import { NotFoundError } from './errors'
import { type ExperimentRow, json, normalizeTags, toExperiment } from './rows'
import { type StatusCounts, deriveExperimentStatus, emptyCounts, endedCount } from './status'

export interface NewExperiment {
  labId: LabId
  name: string
  params: Record<string, unknown>
  seed: number
  tags?: string[]
  parentId?: number | null
  result?: unknown
  /** ISO date; default now (bundle import keeps the original). */
  createdAt?: string
}

export interface ExperimentFilter {
  labId?: LabId
  /** Case-insensitive substring of the name or the lab id. */
  text?: string
  /** Exact tag. */
  tag?: string
  /** ISO date or date-time (UTC); experiments created at or after it. */
  since?: string
  /** ISO date or date-time (UTC), inclusive; a bare date means the whole day. */
  until?: string
  limit?: number
}

type SummaryRow = Omit<ExperimentRow, 'result'> & { has_result: number; run_best: string } & StatusCounts

const COUNTS = `
  count(r.id) AS total,
  coalesce(sum(r.status = 'queued'), 0) AS queued,
  coalesce(sum(r.status = 'running'), 0) AS running,
  coalesce(sum(r.status = 'finished'), 0) AS finished,
  coalesce(sum(r.status = 'failed'), 0) AS failed,
  coalesce(sum(r.status = 'cancelled'), 0) AS cancelled,
  coalesce(sum(r.status = 'interrupted'), 0) AS interrupted`

export class ExperimentRepo {
  private readonly stmt: Record<'insert' | 'byId' | 'exists' | 'same' | 'list' | 'rename' | 'tags' | 'remove' | 'reparent', Statement>

  constructor(db: Database) {
    this.stmt = {
      insert: db.prepare(
        `INSERT INTO experiments (lab_id, name, params, seed, tags, parent_id, result, created_at)
         VALUES (@labId, @name, @params, @seed, @tags, @parentId, @result, @createdAt) RETURNING *`,
      ),
      byId: db.prepare('SELECT * FROM experiments WHERE id = ?'),
      exists: db.prepare('SELECT 1 FROM experiments WHERE id = ?').pluck(),
      same: db.prepare('SELECT id FROM experiments WHERE lab_id = @labId AND seed = @seed AND created_at = @createdAt AND params = @params ORDER BY id LIMIT 1').pluck(),
      list: db.prepare(`
        SELECT e.id, e.lab_id, e.name, e.params, e.seed, e.tags, e.parent_id, e.created_at,
               e.result IS NOT NULL AS has_result, ${COUNTS},
               json_group_array(max(coalesce(json_extract(r.final, '$.trainAcc'), -1), coalesce(json_extract(r.final, '$.testAcc'), -1),
                 coalesce(json_extract(r.final, '$.valAcc'), -1))) FILTER (WHERE r.final IS NOT NULL) AS run_best
        FROM experiments e LEFT JOIN runs r ON r.experiment_id = e.id
        WHERE (@labId IS NULL OR e.lab_id = @labId)
          AND (@text IS NULL OR e.name LIKE @text ESCAPE '\\' OR e.lab_id LIKE @text ESCAPE '\\')
          AND (@tag IS NULL OR EXISTS (SELECT 1 FROM json_each(e.tags) WHERE json_each.value = @tag))
          AND (@since IS NULL OR e.created_at >= @since)
          AND (@until IS NULL OR e.created_at <= @until)
        GROUP BY e.id
        ORDER BY e.created_at DESC, e.id DESC
        LIMIT @limit`),
      rename: db.prepare('UPDATE experiments SET name = ? WHERE id = ?'),
      tags: db.prepare('UPDATE experiments SET tags = ? WHERE id = ?'),
      remove: db.prepare('DELETE FROM experiments WHERE id = ?'),
      reparent: db.prepare('UPDATE experiments SET parent_id = ? WHERE id = ?'),
    }
  }

  create(e: NewExperiment, now: string): ExperimentRecord {
    if (!Number.isSafeInteger(e.seed) || e.seed < 0) throw new RangeError(`seed must be a whole number ≥ 0, got ${e.seed}`)
    const parentId = e.parentId ?? null
    if (parentId !== null && !this.has(parentId)) throw new NotFoundError(`parent experiment ${parentId} does not exist`)
    // .all(), not .get(): an INSERT … RETURNING read with .get() is reset after its row, and an
    // error of the autocommit at that point (SQLITE_FULL) would be lost with the row already returned.
    const [row] = this.stmt.insert.all({
      labId: e.labId,
      name: e.name,
      params: json(e.params ?? {}),
      seed: e.seed,
      tags: json(normalizeTags(e.tags)),
      parentId,
      result: e.result === undefined || e.result === null ? null : json(e.result),
      createdAt: e.createdAt ?? now,
    }) as ExperimentRow[]
    return toExperiment(row!)
  }

  get(id: number): ExperimentRecord | undefined {
    const row = this.stmt.byId.get(id) as ExperimentRow | undefined
    return row && toExperiment(row)
  }

  /**
   * An experiment already stored with the same lab, seed, creation date and parameters (an
   * imported bundle keeps the original creation date, so importing it again finds them), or undefined.
   */
  findSame(e: Pick<NewExperiment, 'labId' | 'seed' | 'params' | 'createdAt'>): number | undefined {
    return this.stmt.same.get({ labId: e.labId, seed: e.seed, createdAt: e.createdAt ?? '', params: json(e.params ?? {}) }) as number | undefined
  }

  has(id: number): boolean {
    return this.stmt.exists.get(id) !== undefined
  }

  summaries(f: ExperimentFilter = {}): ExperimentSummary[] {
    const text = f.text?.trim()
    const rows = this.stmt.list.all({
      labId: f.labId ?? null,
      text: text ? `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null,
      tag: f.tag?.trim() || null,
      since: f.since ? isoBound(f.since, 'since') : null,
      until: f.until ? isoBound(f.until, 'until') : null,
      limit: f.limit ?? -1,
    }) as SummaryRow[]
    return rows.map((r) => {
      const { run_best: best, ...row } = r
      const { result: _omit, ...rest } = toExperiment({ ...row, result: null })
      const runBestAcc = (JSON.parse(best) as number[]).filter((a) => a >= 0)
      return { ...rest, ...summaryOf(r, r.has_result === 1), runBestAcc }
    })
  }

  rename(id: number, name: string): void {
    if (this.stmt.rename.run(name, id).changes === 0) throw new NotFoundError(`experiment ${id} does not exist`)
  }

  setTags(id: number, tags: string[]): void {
    if (this.stmt.tags.run(json(normalizeTags(tags)), id).changes === 0) throw new NotFoundError(`experiment ${id} does not exist`)
  }

  /** Deletes the experiment, its runs and their metrics (cascade); children lose their parent link. */
  delete(id: number): void {
    if (this.stmt.remove.run(id).changes === 0) throw new NotFoundError(`experiment ${id} does not exist`)
  }

  setParent(id: number, parentId: number | null): void {
    this.stmt.reparent.run(parentId, id)
  }
}

/** Status, run count and ended-run count from per-status counts. */
export function summaryOf(counts: StatusCounts, hasResult: boolean): Pick<ExperimentSummary, 'status' | 'runCount' | 'runsDone'> {
  const c = { ...emptyCounts(), ...pickCounts(counts) }
  return {
    status: deriveExperimentStatus(c, hasResult),
    runCount: c.queued + c.running + endedCount(c),
    runsDone: endedCount(c),
  }
}

function pickCounts(c: StatusCounts): StatusCounts {
  return { queued: c.queued, running: c.running, finished: c.finished, failed: c.failed, cancelled: c.cancelled, interrupted: c.interrupted }
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/** Normalizes a filter bound to the stored form (toISOString, UTC); a bare date covers its whole day. */
export function isoBound(value: string, which: 'since' | 'until'): string {
  const s = value.trim()
  if (DATE_ONLY.test(s)) {
    const day = new Date(`${s}T00:00:00.000Z`)
    if (!Number.isNaN(day.getTime())) return which === 'since' ? day.toISOString() : `${s}T23:59:59.999Z`
  }
  const d = new Date(s)
  if (Number.isNaN(d.getTime())) throw new RangeError(`${which}: '${value}' is not a date (use e.g. 2025-03-01 or 2025-03-01T14:00:00Z)`)
  return d.toISOString()
}
