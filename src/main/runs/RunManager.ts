/**
 * Runs queued runs on a warm pool of trainer processes (./pool.ts), at most `maxParallel` at
 * once. The queue is fair (./fair-queue.ts): runs are taken in turn per experiment, or per
 * client when the caller names one (browser mode's --lan), so a long search does not hold back a
 * short lab started after it; activeRuns says what a queued run waits behind. Metric batches
 * from trainers are written to the store in one transaction each and forwarded as events.
 * Cancel kills the run's trainer (the pool replaces it); a trainer that exits without finishing
 * fails its run, and only that run.
 * Every store write is caught: one that fails (a full disk) fails its run with that reason and
 * never escapes into the caller's event loop.
 */
import type { ActiveRun, WaitingBehind } from '../../shared/api'
import type { LabEvent } from '../../shared/events'
import type { RunRecord } from '../../shared/records'
import type { FinalMetrics, RunStatus, SeriesChunk } from '../../shared/schemas'
import { FromTrainerSchema } from '../../shared/trainer-protocol'
import { describeWriteError } from '../store/errors'
import { FairQueue } from './fair-queue'
import { TrainerPool, type PoolStats, type PooledTrainer, type TrainerPoolOptions } from './pool'
import type { SpawnTrainer } from './port'
import { type InsideSink, relayInside } from './inside-relay'

/** The part of the store the RunManager writes to. */
export interface RunSink {
  updateRun(
    runId: number,
    patch: { status?: RunStatus; error?: string | null; final?: FinalMetrics | null; startedAt?: string; finishedAt?: string },
  ): void
  appendSeries(runId: number, chunks: SeriesChunk[]): void
  /** Layer snapshots (issue 12); a sink without it drops them. */
  appendInside?: InsideSink['appendInside']
}

const INTERRUPTED_RUNNING = 'interrupted: Gradient Lab was closed while this run was training'
const INTERRUPTED_QUEUED = 'interrupted: Gradient Lab was closed before this run started'

export interface RunManagerOptions {
  spawn: SpawnTrainer
  sink: RunSink
  emit: (e: LabEvent) => void
  maxParallel: number
  builtinDataPath: string
  now?: () => number
  /** The pool's recycling and warm-keeping (see TrainerPoolOptions; defaults: 50 runs, 200 MB, start on need). */
  pool?: Pick<TrainerPoolOptions, 'recycleAfterRuns' | 'recycleAboveMB' | 'keepWarm'>
  /** An experiment's name, for what a queued run waits behind. */
  experimentName?: (experimentId: number) => string | undefined
}

export interface EnqueueOptions {
  /** Whose turn these runs share (default: their experiment); browser mode's --lan passes the client. */
  group?: string
}

interface Job {
  run: RunRecord
  status: 'queued' | 'running'
  trainer?: PooledTrainer
  group: string
  startedAt?: number
  done: number
  total: number
  ended: boolean
}

export class RunManager {
  private readonly jobs = new Map<number, Job>()
  private readonly queue = new FairQueue()
  private readonly pool: TrainerPool
  private idleWaiters: (() => void)[] = []
  /** Ends of runs that could not be written (a full disk): retried before each start and on a timer. */
  private readonly unsaved = new Map<number, Parameters<RunSink['updateRun']>[1]>()
  private retryTimer: ReturnType<typeof setInterval> | null = null
  private readonly now: () => number
  private closing = false

  constructor(private readonly opts: RunManagerOptions) {
    this.now = opts.now ?? Date.now
    this.pool = new TrainerPool({ spawn: opts.spawn, size: opts.maxParallel, ...opts.pool })
  }

  enqueue(runs: RunRecord[], opts: EnqueueOptions = {}): void {
    for (const run of runs) {
      if (this.jobs.has(run.id)) continue
      const group = opts.group ?? `experiment:${run.experimentId}`
      this.jobs.set(run.id, { run, status: 'queued', group, done: 0, total: 0, ended: false })
      this.queue.push(run.id, group)
    }
    this.pump()
  }

  /** Start the pool's trainers now (app start), so the first run finds them warm. */
  warm(): void {
    this.pool.warm()
  }

  /** The pool's counters: trainers started, runs that reused a trainer, recycled, discarded. */
  poolStats(): PoolStats {
    return this.pool.stats()
  }

  active(): ActiveRun[] {
    const behind = this.waitingBehind()
    return [...this.jobs.values()].map((j) => ({
      runId: j.run.id,
      experimentId: j.run.experimentId,
      label: j.run.label,
      status: j.status,
      done: j.done,
      total: j.total,
      etaMs: this.eta(j),
      ...(j.status === 'queued' ? { waitingBehind: behind.get(j.run.id) ?? [] } : {}),
    }))
  }

  /**
   * For each queued run, the runs it waits behind by experiment: every running run and the
   * queued ones the fair queue takes before it.
   */
  private waitingBehind(): Map<number, WaitingBehind[]> {
    const ahead = new Map<number, number>()
    const add = (experimentId: number) => ahead.set(experimentId, (ahead.get(experimentId) ?? 0) + 1)
    for (const j of this.jobs.values()) if (j.status === 'running') add(j.run.experimentId)
    const names = new Map<number, string>()
    const name = (id: number) => {
      if (!names.has(id)) names.set(id, this.opts.experimentName?.(id) ?? `experiment ${id}`)
      return names.get(id)!
    }
    const out = new Map<number, WaitingBehind[]>()
    for (const id of this.queue.order()) {
      const job = this.jobs.get(id)
      if (!job) continue
      out.set(id, [...ahead].map(([experimentId, runs]) => ({ experimentId, name: name(experimentId), runs })))
      add(job.run.experimentId)
    }
    return out
  }

  cancelRun(runId: number): boolean {
    const job = this.jobs.get(runId)
    if (!job) return false
    this.finish(job, 'cancelled', { error: null })
    return true
  }

  cancelExperiment(experimentId: number): number {
    const ids = [...this.jobs.values()].filter((j) => j.run.experimentId === experimentId).map((j) => j.run.id)
    // Cancel the queued ones first so that no queued run of this experiment starts in between.
    ids.sort((a, b) => Number(this.jobs.get(a)?.status === 'running') - Number(this.jobs.get(b)?.status === 'running'))
    for (const id of ids) this.cancelRun(id)
    return ids.length
  }

  /** Resolves when no run is queued or running. */
  whenIdle(): Promise<void> {
    if (this.jobs.size === 0) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  /**
   * App quit: every queued or running run ends 'interrupted' (not 'cancelled': nobody asked to
   * stop it), its metrics so far kept, so History shows it and Resume can queue it again.
   */
  shutdown(): void {
    this.closing = true // no queued run may start while the others are being ended
    for (const job of [...this.jobs.values()]) {
      const error = job.status === 'running' ? INTERRUPTED_RUNNING : INTERRUPTED_QUEUED
      this.finish(job, 'interrupted', { error })
    }
    this.pool.shutdown()
    this.saveUnsaved()
    if (this.retryTimer) clearInterval(this.retryTimer)
    this.retryTimer = null
  }

  /** Retries the run ends that could not be written; keeps those that still fail. */
  private saveUnsaved(): void {
    for (const [runId, patch] of this.unsaved) {
      try {
        this.opts.sink.updateRun(runId, patch)
        this.unsaved.delete(runId)
      } catch {
        return // still no room: try again later
      }
    }
    if (this.unsaved.size === 0 && this.retryTimer) {
      clearInterval(this.retryTimer)
      this.retryTimer = null
    }
  }

  private pump(): void {
    while (!this.closing && this.queue.size > 0 && this.pool.hasRoom()) {
      const id = this.queue.shift()!
      const job = this.jobs.get(id)
      if (job && job.status === 'queued') this.start(job)
    }
    if (this.jobs.size === 0) {
      const waiters = this.idleWaiters
      this.idleWaiters = []
      for (const w of waiters) w()
    }
  }

  private start(job: Job): void {
    const { run } = job
    this.saveUnsaved()
    job.status = 'running'
    job.startedAt = this.now()
    if (!this.write(job, 'the start of the run', () => this.opts.sink.updateRun(run.id, { status: 'running', startedAt: new Date().toISOString() }))) return
    this.emit({ type: 'run.status', runId: run.id, experimentId: run.experimentId, status: 'running', error: null })
    let trainer: PooledTrainer | null
    try {
      trainer = this.pool.acquire({
        onMessage: (raw) => this.onMessage(job, raw),
        onExit: (code, detail) => {
          if (!job.ended) {
            const why = `trainer process exited unexpectedly (code ${code ?? 'none'})${detail ? `: ${detail}` : ''}`
            this.finish(job, 'failed', { error: why })
          }
        },
      })
    } catch (err) {
      this.finish(job, 'failed', { error: `could not start a trainer process: ${(err as Error).message}` })
      return
    }
    if (!trainer) {
      this.finish(job, 'failed', { error: 'no trainer process was free (internal error: the queue started a run without room)' })
      return
    }
    job.trainer = trainer
    trainer.port.send({ type: 'start', runId: run.id, spec: run.spec, builtinDataPath: this.opts.builtinDataPath })
  }

  private onMessage(job: Job, raw: unknown): void {
    if (job.ended) return
    const parsed = FromTrainerSchema.safeParse(raw)
    if (!parsed.success) {
      this.finish(job, 'failed', { error: `trainer sent a malformed message: ${parsed.error.message.slice(0, 300)}` })
      return
    }
    const msg = parsed.data
    const ids = { runId: job.run.id, experimentId: job.run.experimentId }
    switch (msg.type) {
      case 'ready':
        return
      case 'progress':
        job.done = msg.done
        job.total = msg.total
        this.emit({ type: 'run.progress', ...ids, done: msg.done, total: Math.max(1, msg.total), etaMs: this.eta(job) })
        return
      case 'metrics':
        if (!this.write(job, 'the run\'s metrics', () => this.opts.sink.appendSeries(job.run.id, msg.chunks))) return
        this.emit({ type: 'run.metrics', ...ids, chunks: msg.chunks })
        return
      case 'inside':
        relayInside(this.opts.sink, (e) => this.emit(e), ids, msg)
        return
      case 'finished':
        this.finish(job, 'finished', { final: msg.final, rssBytes: msg.rssBytes })
        return
      case 'failed':
        this.finish(job, 'failed', { error: msg.error })
        return
    }
  }

  private eta(job: Job): number | null {
    if (job.status !== 'running' || !job.startedAt || job.done <= 0 || job.total <= 0) return null
    const elapsed = this.now() - job.startedAt
    return Math.max(0, (elapsed / job.done) * (job.total - job.done))
  }

  private finish(job: Job, status: 'finished' | 'failed' | 'cancelled' | 'interrupted', info: { error?: string | null; final?: FinalMetrics; rssBytes?: number }): void {
    if (job.ended) return
    job.ended = true
    // A trainer that finished its run goes back to the pool; after a failure or a cancel it is
    // ended (a cancel is a kill: the training loop is synchronous) and the pool replaces it.
    if (job.trainer) {
      if (status === 'finished') this.pool.release(job.trainer, info.rssBytes)
      else this.pool.discard(job.trainer)
    }
    this.jobs.delete(job.run.id)
    this.queue.remove(job.run.id)
    const ids = { runId: job.run.id, experimentId: job.run.experimentId }
    const finishedAt = new Date().toISOString()
    try {
      this.opts.sink.updateRun(job.run.id, { status, error: info.error ?? null, final: info.final ?? null, finishedAt })
    } catch (err) {
      // The end could not be stored: the run fails with that reason (and if even that cannot be
      // written, it stays 'running' in the file until the next start marks it interrupted).
      // (a run that already failed keeps its own reason, e.g. that its metrics could not be saved)
      if (status !== 'failed') info = { error: describeWriteError(`the end of the run (${status})`, err) }
      status = 'failed'
      const patch = { status, error: info.error ?? null, final: null, finishedAt }
      try {
        this.opts.sink.updateRun(job.run.id, patch)
      } catch {
        // Not even that fits: kept in memory and written as soon as there is room again (the
        // events below tell every client now).
        this.unsaved.set(job.run.id, patch)
        this.retryTimer ??= setInterval(() => this.saveUnsaved(), 5000)
        this.retryTimer.unref?.()
      }
    }
    this.emit({ type: 'run.status', ...ids, status, error: info.error ?? null })
    if (status === 'finished' && info.final) this.emit({ type: 'run.finished', ...ids, final: info.final })
    else if (status === 'failed') this.emit({ type: 'run.failed', ...ids, error: info.error ?? 'failed' })
    else if (status === 'cancelled') this.emit({ type: 'run.cancelled', ...ids })
    this.emit({ type: 'experiment.changed', experimentId: job.run.experimentId })
    this.pump()
  }

  /** Runs a store write for `job`; on failure fails the job with the reason and returns false. */
  private write(job: Job, what: string, fn: () => void): boolean {
    try {
      fn()
      return true
    } catch (err) {
      this.finish(job, 'failed', { error: describeWriteError(what, err) })
      return false
    }
  }

  private emit(e: LabEvent): void {
    try {
      this.opts.emit(e)
    } catch {
      // a listener's failure must not break the run bookkeeping
    }
  }
}
