/**
 * The app's store: experiments, runs, metric series and saved specs in one SQLite file
 * (better-sqlite3, synchronous). Statements are prepared once in the repositories; every
 * multi-row write is one transaction. Records are the shapes of src/shared/records.ts.
 */
import type { Database } from 'better-sqlite3'
import type { Bundle, ExperimentDetail, ExperimentRecord, ExperimentSummary, RunRecord, RunWithSeries } from '../../shared/records'
import type { Digits, InsideFrame, RunInside } from '../../shared/inside'
import type { RunStatus, SeriesChunk } from '../../shared/schemas'
import { type ParamsCheck, checkBundle, makeBundle } from './bundle'
import { type OpenOptions, openDatabase } from './db'
import { NotFoundError } from './errors'
import { type ExperimentFilter, ExperimentRepo, type NewExperiment, summaryOf } from './experiments'
import { newOwner } from './owner'
import { type NewRun, type RunPatch, RunRepo } from './runs'
import { type SavedSpec, SpecRepo } from './specs'
import { InsideRepo } from './inside'
import { emptyCounts } from './status'

export interface StoreOptions extends OpenOptions {
  /** Clock for created/exported dates (tests). */
  now?: () => Date
}

const IMPORTED_ACTIVE_ERROR = 'interrupted: imported while still queued or running'

export class Store {
  private readonly experiments: ExperimentRepo
  private readonly runs: RunRepo
  private readonly specs: SpecRepo
  private readonly inside: InsideRepo
  private readonly insideTx: (runId: number, frame: InsideFrame, digits: Digits | null) => boolean
  private readonly now: () => string
  private readonly appendTx: (runId: number, chunks: SeriesChunk[]) => boolean
  private readonly addRunsTx: (experimentId: number, runs: NewRun[]) => RunRecord[]
  private readonly owner = newOwner()

  private constructor(
    readonly path: string,
    private readonly db: Database,
    opts: StoreOptions,
  ) {
    const clock = opts.now ?? (() => new Date())
    this.now = () => clock().toISOString()
    this.experiments = new ExperimentRepo(db)
    this.runs = new RunRepo(db, this.owner.id)
    this.specs = new SpecRepo(db)
    this.inside = new InsideRepo(db)
    this.insideTx = db.transaction((runId: number, frame: InsideFrame, digits: Digits | null) => this.inside.append(runId, frame, digits))
    this.appendTx = db.transaction((runId: number, chunks: SeriesChunk[]) => this.runs.appendPoints(runId, chunks))
    this.addRunsTx = db.transaction((experimentId: number, runs: NewRun[]) => {
      if (!this.experiments.has(experimentId)) throw new NotFoundError(`experiment ${experimentId} does not exist`)
      return this.runs.add(experimentId, runs, this.now())
    })
  }

  /** Opens (creating and migrating as needed) the database at `path`. */
  static open(path: string, opts: StoreOptions = {}): Store {
    return new Store(path, openDatabase(path, opts), opts)
  }

  close(): void {
    this.owner.release()
    if (this.db.open) this.db.close()
  }

  createExperiment(e: NewExperiment): ExperimentRecord {
    return this.experiments.create(e, this.now())
  }

  /** Creates an experiment and its queued runs in one transaction: both are stored, or neither. */
  createExperimentWithRuns(e: NewExperiment, runs: NewRun[]): { experiment: ExperimentRecord; runs: RunRecord[] } {
    return this.db.transaction(() => {
      const experiment = this.experiments.create(e, this.now())
      return { experiment, runs: this.runs.add(experiment.id, runs, this.now()) }
    })()
  }

  /** Adds runs (status 'queued') after the experiment's existing ones, in one transaction. */
  addRuns(experimentId: number, runs: NewRun[]): RunRecord[] {
    return this.addRunsTx(experimentId, runs)
  }

  /**
   * Sets the fields given (`error: null` / `final: null` clear them). Returns false, changing
   * nothing, when the run no longer exists (its experiment was deleted while it ran).
   */
  updateRun(runId: number, patch: RunPatch): boolean {
    return this.runs.update(runId, patch)
  }

  /**
   * Stores metric points in one transaction (INSERT OR REPLACE: a repeated step overwrites).
   * Returns false, writing nothing, when the run no longer exists.
   */
  appendSeries(runId: number, chunks: SeriesChunk[]): boolean {
    return this.appendTx(runId, chunks)
  }

  /** Stores one inside frame (and the run's sample digits) in one transaction; false, writing nothing, when the run is gone. */
  appendInside(runId: number, frame: InsideFrame, digits: Digits | null): boolean {
    return this.insideTx(runId, frame, digits)
  }

  /** A run's inside record (frames in step order); undefined when the run does not exist. */
  getInside(runId: number): RunInside | undefined {
    return this.db.transaction(() => (this.runs.get(runId) ? this.inside.get(runId) : undefined))()
  }

  getRun(id: number): RunRecord | undefined {
    return this.runs.get(id)
  }

  /** The runs that exist among `ids` (in the order asked, duplicates once), with their series. */
  getRuns(ids: number[]): RunWithSeries[] {
    return this.db.transaction(() => {
      const out: RunWithSeries[] = []
      for (const id of new Set(ids)) {
        const run = this.runs.get(id)
        if (run) out.push(this.runs.withSeries(run))
      }
      return out
    })()
  }

  getExperiment(id: number): ExperimentDetail | undefined {
    return this.db.transaction(() => {
      const exp = this.experiments.get(id)
      if (!exp) return undefined
      const runs = this.runs.ofExperiment(id)
      const counts = emptyCounts()
      for (const r of runs) counts[r.status] += 1
      return {
        experiment: { ...exp, ...summaryOf(counts, exp.result !== null) },
        runs: runs.map((r) => this.runs.withSeries(r)),
      }
    })()
  }

  /** Newest first; `text` matches the name or lab id (case-insensitive); status derived from runs. */
  listExperiments(f: ExperimentFilter = {}): ExperimentSummary[] {
    return this.experiments.summaries(f)
  }

  renameExperiment(id: number, name: string): void {
    this.experiments.rename(id, name)
  }

  setTags(id: number, tags: string[]): void {
    this.experiments.setTags(id, tags)
  }

  /** Deletes the experiment with its runs and metrics; its children keep living without a parent. */
  deleteExperiment(id: number): void {
    this.experiments.delete(id)
  }

  /**
   * At start-up: runs that a process now gone left 'running' or 'queued' become 'interrupted'
   * (each run records its owner; a live CLI's or app's runs are left alone). Returns how many.
   */
  markInterrupted(): number {
    return this.db.transaction(() => this.runs.markInterrupted()).immediate()
  }

  /**
   * Resumes an experiment (a paused or interrupted search): its cancelled, interrupted and failed
   * runs go back to 'queued' from scratch, in one transaction; finished runs are kept.
   */
  requeueUnfinished(experimentId: number): RunRecord[] {
    return this.db.transaction(() => {
      if (!this.experiments.has(experimentId)) throw new NotFoundError(`experiment ${experimentId} does not exist`)
      const ids = this.runs.requeueUnfinished(experimentId)
      for (const id of ids) this.inside.clear(id)
      return ids.map((id) => this.runs.get(id)!)
    }).immediate()
  }

  /** The experiments `ids` (in that order) with runs and series; throws NotFoundError for a missing id. */
  exportBundle(ids: number[]): Bundle {
    const details = this.db.transaction(() =>
      [...new Set(ids)].map((id) => {
        const d = this.getExperiment(id)
        if (!d) throw new NotFoundError(`experiment ${id} does not exist`)
        return d
      }),
    )()
    return makeBundle(details, this.now(), (runId) => {
      const inside = this.inside.get(runId)
      return inside.frames.length > 0 || inside.digits ? inside : null
    })
  }

  /**
   * The bundle's experiments already in the database (imported before): their index in the bundle,
   * name and stored id. A bad bundle is refused as importBundle refuses it.
   */
  bundleDuplicates(input: unknown, checkParams?: ParamsCheck): { index: number; name: string; existingId: number }[] {
    const bundle = checkBundle(input, checkParams)
    return bundle.experiments.flatMap(({ experiment: e }, index) => {
      const existingId = this.experiments.findSame(e)
      return existingId === undefined ? [] : [{ index, name: e.name, existingId }]
    })
  }

  /**
   * Imports a bundle in one transaction and returns the new experiment ids, in bundle order.
   * Validates first (BundleSchema, then consistency) and throws a BundleError naming the
   * reason, leaving the database untouched. New ids are assigned; parent links within the
   * bundle are remapped, links to experiments outside it are dropped. Runs that were still
   * queued or running in the bundle are stored as 'interrupted' (nothing will run them).
   * `checkParams` refuses experiments whose parameters their lab does not accept, `skipExisting`
   * leaves out the experiments already stored (see bundleDuplicates).
   */
  importBundle(input: unknown, opts: { checkParams?: ParamsCheck; skipExisting?: boolean } = {}): number[] {
    const bundle = checkBundle(input, opts.checkParams)
    const skip = new Map((opts.skipExisting ? this.bundleDuplicates(bundle) : []).map((d) => [d.index, d.existingId]))
    return this.db.transaction(() => {
      // Bundle id → stored id; a skipped experiment maps to the one already stored (its children link to it).
      const idMap = new Map<number, number>()
      bundle.experiments.forEach(({ experiment: e }, i) => skip.has(i) && idMap.set(e.id, skip.get(i)!))
      const newIds = bundle.experiments.filter((_, i) => !skip.has(i)).map(({ experiment: e, runs }) => {
        const created = this.experiments.create(
          { labId: e.labId, name: e.name, params: e.params, seed: e.seed, tags: e.tags, parentId: null, result: e.result, createdAt: e.createdAt },
          this.now(),
        )
        idMap.set(e.id, created.id)
        for (const r of runs) {
          const active = r.status === 'queued' || r.status === 'running'
          const status: RunStatus = active ? 'interrupted' : r.status
          const run = this.runs.insertOne(created.id, { ...r, status, error: active ? (r.error ?? IMPORTED_ACTIVE_ERROR) : r.error })
          this.runs.appendPoints(run.id, r.series)
          if (r.inside) r.inside.frames.forEach((f, k) => this.inside.append(run.id, f, k === 0 ? r.inside!.digits : null))
        }
        return created.id
      })
      bundle.experiments.forEach(({ experiment: e }, i) => {
        const parent = e.parentId === null ? undefined : idMap.get(e.parentId)
        if (parent !== undefined && !skip.has(i)) this.experiments.setParent(idMap.get(e.id)!, parent)
      })
      return newIds
    }).immediate()
  }

  /** Saves (or replaces) a builder spec under `name`. */
  saveSpec(name: string, kind: string, spec: unknown): SavedSpec {
    return this.specs.save(name, kind, spec, this.now())
  }

  /** Saved specs by name, optionally only those of `kind`. */
  listSpecs(kind?: string): SavedSpec[] {
    return this.specs.list(kind)
  }

  /** Returns false when no spec had that name. */
  deleteSpec(name: string): boolean {
    return this.specs.delete(name)
  }
}
