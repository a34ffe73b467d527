/** Runs and their metric series. Statements prepared once; batch writes in one transaction. */
import type { Database, Statement } from 'better-sqlite3'
import type { RunRecord, RunWithSeries, Series } from '../../shared/records'
import { RUN_STATUSES, type FinalMetrics, type RunSpec, type RunStatus, type SeriesChunk } from '../../shared/schemas'
import { ownerAlive } from './owner'
import { type RunRow, groupSeries, json, toRun } from './rows'

export interface NewRun {
  label: string
  meta: Record<string, unknown>
  spec: RunSpec
}

/** Bundle import: a run with its original state. */
export interface ImportedRun extends NewRun {
  ordinal: number
  status: RunStatus
  error: string | null
  final: FinalMetrics | null
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
  /** The process that will run it (see ./owner.ts); null for runs nothing will run. */
  owner?: string | null
}

export interface RunPatch {
  status?: RunStatus
  error?: string | null
  final?: FinalMetrics | null
  startedAt?: string
  finishedAt?: string
}

const INTERRUPTED_RUNNING = 'interrupted: Gradient Lab stopped while this run was training'
const INTERRUPTED_QUEUED = 'interrupted: Gradient Lab stopped before this run started'

export class RunRepo {
  private readonly stmt: Record<
    'insert' | 'maxOrdinal' | 'byId' | 'byExperiment' | 'update' | 'exists' | 'point' | 'series' | 'activeOwners' | 'interrupt' | 'unfinished' | 'clearPoints' | 'requeue',
    Statement
  >

  /** `owner`: this store's owner id, recorded on every run it queues. */
  constructor(
    db: Database,
    private readonly owner: string,
  ) {
    this.stmt = {
      insert: db.prepare(
        `INSERT INTO runs (experiment_id, ordinal, label, meta, spec, status, error, final, created_at, started_at, finished_at, owner)
         VALUES (@experimentId, @ordinal, @label, @meta, @spec, @status, @error, @final, @createdAt, @startedAt, @finishedAt, @owner)
         RETURNING *`,
      ),
      maxOrdinal: db.prepare('SELECT max(ordinal) FROM runs WHERE experiment_id = ?').pluck(),
      byId: db.prepare('SELECT * FROM runs WHERE id = ?'),
      byExperiment: db.prepare('SELECT * FROM runs WHERE experiment_id = ? ORDER BY ordinal'),
      update: db.prepare(`
        UPDATE runs SET
          status      = CASE WHEN @setStatus   THEN @status     ELSE status      END,
          error       = CASE WHEN @setError    THEN @error      ELSE error       END,
          final       = CASE WHEN @setFinal    THEN @final      ELSE final       END,
          started_at  = CASE WHEN @setStarted  THEN @startedAt  ELSE started_at  END,
          finished_at = CASE WHEN @setFinished THEN @finishedAt ELSE finished_at END
        WHERE id = @id`),
      exists: db.prepare('SELECT 1 FROM runs WHERE id = ?').pluck(),
      point: db.prepare('INSERT OR REPLACE INTO metrics (run_id, series, step, value) VALUES (?, ?, ?, ?)'),
      series: db.prepare('SELECT series, step, value FROM metrics WHERE run_id = ? ORDER BY series, step').raw(),
      activeOwners: db.prepare(`SELECT DISTINCT owner FROM runs WHERE status IN ('queued', 'running')`).pluck(),
      interrupt: db.prepare(`
        UPDATE runs SET
          error = coalesce(error, CASE status WHEN 'running' THEN '${INTERRUPTED_RUNNING}' ELSE '${INTERRUPTED_QUEUED}' END),
          status = 'interrupted'
        WHERE status IN ('queued', 'running') AND owner IS @owner`),
      unfinished: db.prepare(`SELECT id FROM runs WHERE experiment_id = ? AND status IN ('cancelled', 'interrupted', 'failed') ORDER BY ordinal`).pluck(),
      clearPoints: db.prepare('DELETE FROM metrics WHERE run_id = ?'),
      requeue: db.prepare(`UPDATE runs SET status = 'queued', error = NULL, final = NULL, started_at = NULL, finished_at = NULL, owner = ? WHERE id = ?`),
    }
  }

  /**
   * Puts the experiment's cancelled, interrupted and failed runs back in the queue from scratch
   * (their partial metrics are deleted); finished runs are kept. Returns the ids, in order.
   */
  requeueUnfinished(experimentId: number): number[] {
    const ids = this.stmt.unfinished.all(experimentId) as number[]
    for (const id of ids) {
      this.stmt.clearPoints.run(id)
      this.stmt.requeue.run(this.owner, id)
    }
    return ids
  }

  /** Adds runs after the experiment's existing ones (ordinals continue), status 'queued'. */
  add(experimentId: number, runs: NewRun[], now: string): RunRecord[] {
    const last = this.stmt.maxOrdinal.get(experimentId) as number | null
    const first = last === null ? 0 : last + 1
    return runs.map((r, i) =>
      this.insertOne(experimentId, {
        ...r,
        ordinal: first + i,
        status: 'queued',
        error: null,
        final: null,
        createdAt: now,
        startedAt: null,
        finishedAt: null,
        owner: this.owner,
      }),
    )
  }

  insertOne(experimentId: number, r: ImportedRun): RunRecord {
    // .all(), not .get(): an INSERT … RETURNING read with .get() is reset after its row, and an
    // error of the autocommit at that point (SQLITE_FULL) would be lost with the row already returned.
    const [row] = this.stmt.insert.all({
      experimentId,
      ordinal: r.ordinal,
      label: r.label,
      meta: json(r.meta ?? {}),
      spec: json(r.spec),
      status: r.status,
      error: r.error,
      final: r.final === null ? null : json(r.final),
      createdAt: r.createdAt,
      startedAt: r.startedAt,
      finishedAt: r.finishedAt,
      owner: r.owner ?? null,
    }) as RunRow[]
    return toRun(row!)
  }

  /** Sets the given fields (an explicit null clears error/final); false when the run does not exist. */
  update(runId: number, patch: RunPatch): boolean {
    if (patch.status !== undefined && !RUN_STATUSES.includes(patch.status)) {
      throw new RangeError(`run status must be one of ${RUN_STATUSES.join(', ')}, got '${patch.status}'`)
    }
    const has = (k: keyof RunPatch) => (patch[k] !== undefined ? 1 : 0)
    const info = this.stmt.update.run({
      id: runId,
      setStatus: has('status'),
      status: patch.status ?? null,
      setError: has('error'),
      error: patch.error ?? null,
      setFinal: has('final'),
      final: patch.final == null ? null : json(patch.final),
      setStarted: has('startedAt'),
      startedAt: patch.startedAt ?? null,
      setFinished: has('finishedAt'),
      finishedAt: patch.finishedAt ?? null,
    })
    return info.changes > 0
  }

  /**
   * Writes points (INSERT OR REPLACE: a repeated step overwrites). The caller wraps this in a
   * transaction. Returns false (writing nothing) when the run does not exist.
   */
  appendPoints(runId: number, chunks: SeriesChunk[]): boolean {
    for (const c of chunks) {
      if (c.steps.length !== c.values.length) {
        throw new RangeError(`series ${c.series} of run ${runId}: ${c.steps.length} steps but ${c.values.length} values`)
      }
    }
    if (this.stmt.exists.get(runId) === undefined) return false
    for (const c of chunks) {
      for (let i = 0; i < c.steps.length; i++) this.stmt.point.run(runId, c.series, c.steps[i], c.values[i])
    }
    return true
  }

  get(id: number): RunRecord | undefined {
    const row = this.stmt.byId.get(id) as RunRow | undefined
    return row && toRun(row)
  }

  ofExperiment(experimentId: number): RunRecord[] {
    return (this.stmt.byExperiment.all(experimentId) as RunRow[]).map(toRun)
  }

  series(runId: number): Series[] {
    return groupSeries(this.stmt.series.all(runId) as [string, number, number | null][])
  }

  withSeries(run: RunRecord): RunWithSeries {
    return { ...run, series: this.series(run.id) }
  }

  /**
   * Runs left 'running' or 'queued' by a process that is gone (crashed, killed, or a store closed
   * without finishing them) → 'interrupted'; runs of a live owner (a CLI training beside the app)
   * are not touched. The caller wraps this in a transaction. Returns how many.
   */
  markInterrupted(): number {
    let changed = 0
    for (const owner of this.stmt.activeOwners.all() as (string | null)[]) {
      if (!ownerAlive(owner)) changed += this.stmt.interrupt.run({ owner }).changes
    }
    return changed
  }
}
