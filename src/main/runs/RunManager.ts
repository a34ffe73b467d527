/**
 * Runs each queued run in its own trainer process, at most `maxParallel` at once (FIFO queue).
 * Metric batches from trainers are written to the store in one transaction each and forwarded
 * as events. Cancel kills the process; a trainer that exits without finishing fails its run.
 */
import type { ActiveRun } from '../../shared/api'
import type { LabEvent } from '../../shared/events'
import type { RunRecord } from '../../shared/records'
import type { FinalMetrics, RunStatus, SeriesChunk } from '../../shared/schemas'
import { FromTrainerSchema } from '../../shared/trainer-protocol'
import { type InsideSink, relayInside } from './inside-relay'
import type { SpawnTrainer, TrainerPort } from './port'

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

export interface RunManagerOptions {
  spawn: SpawnTrainer
  sink: RunSink
  emit: (e: LabEvent) => void
  maxParallel: number
  builtinDataPath: string
  now?: () => number
}

interface Job {
  run: RunRecord
  status: 'queued' | 'running'
  port?: TrainerPort
  startedAt?: number
  done: number
  total: number
  ended: boolean
}

export class RunManager {
  private readonly jobs = new Map<number, Job>()
  private readonly queue: number[] = []
  private idleWaiters: (() => void)[] = []
  private readonly now: () => number

  constructor(private readonly opts: RunManagerOptions) {
    this.now = opts.now ?? Date.now
  }

  enqueue(runs: RunRecord[]): void {
    for (const run of runs) {
      this.jobs.set(run.id, { run, status: 'queued', done: 0, total: 0, ended: false })
      this.queue.push(run.id)
    }
    this.pump()
  }

  active(): ActiveRun[] {
    return [...this.jobs.values()].map((j) => ({
      runId: j.run.id,
      experimentId: j.run.experimentId,
      label: j.run.label,
      status: j.status,
      done: j.done,
      total: j.total,
      etaMs: this.eta(j),
    }))
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

  /** Cancels everything (app quit). */
  shutdown(): void {
    for (const job of [...this.jobs.values()]) this.finish(job, 'cancelled', { error: null })
  }

  private runningCount(): number {
    let n = 0
    for (const j of this.jobs.values()) if (j.status === 'running') n++
    return n
  }

  private pump(): void {
    while (this.queue.length > 0 && this.runningCount() < this.opts.maxParallel) {
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
    job.status = 'running'
    job.startedAt = this.now()
    this.opts.sink.updateRun(run.id, { status: 'running', startedAt: new Date().toISOString() })
    this.emit({ type: 'run.status', runId: run.id, experimentId: run.experimentId, status: 'running', error: null })
    let port: TrainerPort
    try {
      port = this.opts.spawn()
    } catch (err) {
      this.finish(job, 'failed', { error: `could not start a trainer process: ${(err as Error).message}` })
      return
    }
    job.port = port
    port.onMessage((raw) => this.onMessage(job, raw))
    port.onExit((code, detail) => {
      if (!job.ended) {
        const why = `trainer process exited unexpectedly (code ${code ?? 'none'})${detail ? `: ${detail}` : ''}`
        this.finish(job, 'failed', { error: why })
      }
    })
    port.send({ type: 'start', runId: run.id, spec: run.spec, builtinDataPath: this.opts.builtinDataPath })
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
        this.opts.sink.appendSeries(job.run.id, msg.chunks)
        this.emit({ type: 'run.metrics', ...ids, chunks: msg.chunks })
        return
      case 'inside':
        relayInside(this.opts.sink, (e) => this.emit(e), ids, msg)
        return
      case 'finished':
        this.finish(job, 'finished', { final: msg.final })
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

  private finish(job: Job, status: 'finished' | 'failed' | 'cancelled', info: { error?: string | null; final?: FinalMetrics }): void {
    if (job.ended) return
    job.ended = true
    job.port?.kill()
    this.jobs.delete(job.run.id)
    const idx = this.queue.indexOf(job.run.id)
    if (idx >= 0) this.queue.splice(idx, 1)
    const ids = { runId: job.run.id, experimentId: job.run.experimentId }
    this.opts.sink.updateRun(job.run.id, {
      status,
      error: info.error ?? null,
      final: info.final ?? null,
      finishedAt: new Date().toISOString(),
    })
    this.emit({ type: 'run.status', ...ids, status, error: info.error ?? null })
    if (status === 'finished' && info.final) this.emit({ type: 'run.finished', ...ids, final: info.final })
    else if (status === 'failed') this.emit({ type: 'run.failed', ...ids, error: info.error ?? 'failed' })
    else if (status === 'cancelled') this.emit({ type: 'run.cancelled', ...ids })
    this.emit({ type: 'experiment.changed', experimentId: job.run.experimentId })
    this.pump()
  }

  private emit(e: LabEvent): void {
    try {
      this.opts.emit(e)
    } catch {
      // a listener's failure must not break the run bookkeeping
    }
  }
}
