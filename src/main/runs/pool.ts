/**
 * The warm trainer pool: up to `size` long-lived trainer processes, each keeping its compiled
 * WebAssembly kernels, JIT-warm engine and dataset cache between runs. A run takes an idle
 * trainer (or a new one while fewer than `size` exist); when it ends normally the trainer goes
 * back to idle, unless it has served `recycleAfterRuns` runs or reported more than
 * `recycleAboveMB` resident, in which case it is ended and a fresh one takes its place. A trainer
 * that crashes, is cancelled (killed) or fails its run is discarded: only that run is affected,
 * the app and the other trainers go on (process isolation as before), and the pool starts a
 * replacement when it keeps trainers warm.
 */
import type { SpawnTrainer, TrainerPort } from './port'

export interface TrainerPoolOptions {
  spawn: SpawnTrainer
  /** At most this many trainers (the RunManager's maxParallel). */
  size: number
  /** End a trainer after this many runs (default 50): bounds whatever a long life accumulates. */
  recycleAfterRuns?: number
  /** End a trainer whose resident memory after a run is above this (default 200 MB). */
  recycleAboveMB?: number
  /** Keep `size` trainers started, replacing ended ones at once (default false: start on first need). */
  keepWarm?: boolean
}

/** What the run currently on a trainer hears from it. */
export interface RunListener {
  onMessage(msg: unknown): void
  onExit(code: number | null, detail: string): void
}

export interface PoolStats {
  /** Trainer processes started. */
  started: number
  /** Runs that got a trainer which had already served a run. */
  reused: number
  /** Trainers ended for their run count or memory. */
  recycled: number
  /** Trainers discarded: crashed, cancelled or failed their run. */
  discarded: number
  /** Trainers alive now, and of those idle. */
  alive: number
  idle: number
}

export class PooledTrainer {
  runs = 0
  rssMB = 0
  listener: RunListener | null = null
  ended = false

  constructor(
    readonly id: number,
    readonly port: TrainerPort,
  ) {}
}

export class TrainerPool {
  private readonly trainers = new Set<PooledTrainer>()
  private readonly idle: PooledTrainer[] = []
  private nextId = 1
  private closed = false
  private readonly counts = { started: 0, reused: 0, recycled: 0, discarded: 0 }
  readonly recycleAfterRuns: number
  readonly recycleAboveMB: number

  constructor(private readonly opts: TrainerPoolOptions) {
    this.recycleAfterRuns = Math.max(1, opts.recycleAfterRuns ?? 50)
    this.recycleAboveMB = opts.recycleAboveMB ?? 200
  }

  /** Start trainers up to the pool's size now (app start), so the first run finds one warm. */
  warm(): void {
    while (!this.closed && this.trainers.size < this.opts.size) {
      try {
        const t = this.startTrainer()
        t.port.unref?.()
        this.idle.push(t)
      } catch {
        return // the next acquire reports the error with the run it fails
      }
    }
  }

  /**
   * A trainer for a run, `listener` receiving its messages: an idle one, else a new one while
   * fewer than `size` exist, else null (all busy). Throws when a new process cannot be started.
   */
  acquire(listener: RunListener): PooledTrainer | null {
    if (this.closed) return null
    const t = this.idle.shift() ?? (this.trainers.size < this.opts.size ? this.startTrainer() : null)
    if (!t) return null
    if (t.runs > 0) this.counts.reused++
    t.runs++
    t.listener = listener
    t.port.ref?.()
    return t
  }

  /** The run on `t` ended normally: back to idle, or recycled when it is old or large. */
  release(t: PooledTrainer, rssBytes?: number): void {
    t.listener = null
    if (t.ended) return
    if (rssBytes !== undefined) t.rssMB = rssBytes / (1 << 20)
    if (this.closed || t.runs >= this.recycleAfterRuns || t.rssMB > this.recycleAboveMB) {
      this.counts.recycled++
      this.end(t)
      this.refill()
      return
    }
    t.port.unref?.()
    this.idle.push(t)
  }

  /** End `t` now (cancel, a failed run, a crash); a replacement is started when keeping warm. */
  discard(t: PooledTrainer): void {
    t.listener = null
    if (t.ended) return
    this.counts.discarded++
    this.end(t)
    this.refill()
  }

  /** Whether a run could get a trainer now (one idle, or room for a new one). */
  hasRoom(): boolean {
    return !this.closed && (this.idle.length > 0 || this.trainers.size < this.opts.size)
  }

  stats(): PoolStats {
    return { ...this.counts, alive: this.trainers.size, idle: this.idle.length }
  }

  shutdown(): void {
    this.closed = true
    for (const t of [...this.trainers]) this.end(t)
  }

  private startTrainer(): PooledTrainer {
    const t = new PooledTrainer(this.nextId++, this.opts.spawn())
    this.counts.started++
    this.trainers.add(t)
    t.port.onMessage((msg) => t.listener?.onMessage(msg))
    t.port.onExit((code, detail) => {
      if (t.ended) return // ended by the pool (recycled, discarded, shutdown)
      const listener = t.listener
      t.listener = null
      this.counts.discarded++ // crashed or killed from outside (out of memory, a signal)
      this.forget(t)
      listener?.onExit(code, detail)
      this.refill()
    })
    return t
  }

  private end(t: PooledTrainer): void {
    this.forget(t)
    t.port.kill()
  }

  private forget(t: PooledTrainer): void {
    t.ended = true
    this.trainers.delete(t)
    const i = this.idle.indexOf(t)
    if (i >= 0) this.idle.splice(i, 1)
  }

  private refill(): void {
    if (this.opts.keepWarm && !this.closed) this.warm()
  }
}
