/**
 * The training loop (the book's Trainer): evaluate at iteration 0, then per iteration sample,
 * forward, backward, update, record the loss; evaluate every evalEvery iterations or at each
 * epoch boundary, and at the end. Metrics go out in batches (at most every ~100 ms and at the
 * end), never one call per iteration. Divergence (NaN/Inf, or a loss above divergenceFactor ×
 * the first loss for DIVERGENCE_PATIENCE iterations in a row) stops the run with a DivergenceError.
 */
import type { FinalMetrics, RunSpec, SeriesChunk, SeriesName } from '../shared/schemas'
import type { Prepared } from './data'
import type { Digits, InsideFrame } from '../shared/inside'
import { InsideRecorder } from './inside'
import { Trainer, type Accuracies } from './trainer'

export interface TrainHooks {
  now(): number
  onChunks(chunks: SeriesChunk[]): void
  onProgress(done: number, total: number): void
  /** Polled every iteration; returning true stops the run with a CancelledError. */
  shouldStop?(): boolean
  /** One inside frame per evaluation point (the sample digits come with the first); unless spec.snapshots is false. */
  onInside?(frame: InsideFrame, digits: Digits | null): void
}

export interface TrainOptions {
  /** Minimum time between two onChunks/onProgress calls (default 100 ms). */
  flushEveryMs?: number
}

export class DivergenceError extends Error {
  constructor(
    readonly iteration: number,
    readonly loss: number,
    readonly firstLoss: number,
    spec: RunSpec,
  ) {
    const what = Number.isFinite(loss) ? `loss ${loss.toPrecision(4)} stayed above ${spec.divergenceFactor}× the first loss (${firstLoss.toPrecision(4)})` : `loss became ${loss}`
    super(`Training diverged at iteration ${iteration}: ${what}. Is the learning rate (${spec.optimizer.kind}, lr ${spec.optimizer.lr}) too large? Try a smaller one.`)
    this.name = 'DivergenceError'
  }
}

export class CancelledError extends Error {
  constructor(readonly iteration: number) {
    super(`Training cancelled at iteration ${iteration}`)
    this.name = 'CancelledError'
  }
}

class SeriesBuffer {
  private readonly pending = new Map<SeriesName, { steps: number[]; values: number[] }>()

  push(series: SeriesName, step: number, value: number): void {
    let s = this.pending.get(series)
    if (!s) this.pending.set(series, (s = { steps: [], values: [] }))
    s.steps.push(step)
    s.values.push(value)
  }

  take(): SeriesChunk[] {
    const chunks: SeriesChunk[] = []
    for (const [series, s] of this.pending) if (s.steps.length > 0) chunks.push({ series, steps: s.steps, values: s.values })
    this.pending.clear()
    return chunks
  }
}

/** Consecutive iterations above divergenceFactor × the first loss that count as exploding. */
export const DIVERGENCE_PATIENCE = 10

export function train(spec: RunSpec, data: Prepared, hooks: TrainHooks, opts: TrainOptions = {}): FinalMetrics {
  const start = hooks.now()
  const flushEvery = opts.flushEveryMs ?? 100
  const trainer = new Trainer(spec, data)
  const total = trainer.maxIter
  const buffer = new SeriesBuffer()
  let lastFlush = start
  const flush = (done: number) => {
    const chunks = buffer.take()
    if (chunks.length > 0) hooks.onChunks(chunks)
    hooks.onProgress(done, total)
    lastFlush = hooks.now()
  }
  const record = (step: number, acc: Accuracies) => {
    buffer.push('trainAcc', step, acc.trainAcc)
    if (acc.testAcc !== null) buffer.push('testAcc', step, acc.testAcc)
    if (acc.valAcc !== null) buffer.push('valAcc', step, acc.valAcc)
  }
  const factor = spec.divergenceFactor ?? 3
  // Cross-entropy with 1e-7 inside the log is capped near 16.1, so a diverged network often sits
  // at a high but finite loss: a loss above factor × the first one for PATIENCE iterations in a
  // row (or for the whole of a shorter run) counts as exploding; a single spike does not.
  const patience = Math.min(DIVERGENCE_PATIENCE, total)
  let above = 0
  let divergedAt: number | null = null
  const inside = hooks.onInside && spec.snapshots !== false ? new InsideRecorder(trainer) : null
  let acc = trainer.evaluate()
  record(0, acc)
  if (inside) hooks.onInside!(inside.frame(0), inside.digits())
  flush(0) // the first point goes out at once: a student sees the run start, not 100 ms later
  let firstLoss = NaN
  let loss = NaN
  for (let i = 0; i < total; i++) {
    if (inside && trainer.isEvalPoint(i + 1)) inside.beforeStep()
    loss = trainer.step()
    if (i === 0) firstLoss = loss
    // A non-finite loss is not a point of the curve (it cannot be stored or sent as JSON); the
    // DivergenceError below says what happened.
    if ((spec.recordLoss ?? true) && Number.isFinite(loss)) buffer.push('loss', i, loss)
    above = loss > factor * firstLoss ? above + 1 : 0
    if (divergedAt === null && (!Number.isFinite(loss) || above >= patience)) {
      // The book's scripts train on through a NaN loss (lab 5's large scales without BN stay at
      // chance); a spec may ask for that with stopOnDivergence: false. Otherwise stop and explain.
      if (spec.stopOnDivergence !== false) {
        flush(i)
        throw new DivergenceError(i, loss, firstLoss, spec)
      }
      divergedAt = i
    }
    const done = i + 1
    if (trainer.isEvalPoint(done)) {
      acc = trainer.evaluate()
      record(done, acc)
      if (inside) hooks.onInside!(inside.frame(done), null)
    }
    if (hooks.shouldStop?.()) {
      flush(done)
      throw new CancelledError(done)
    }
    if (hooks.now() - lastFlush >= flushEvery) flush(done)
  }
  flush(total)
  const confusion = inside && spec.evalTest !== false && data.testX.rows > 0 ? inside.confusion() : undefined
  return {
    loss: total > 0 && Number.isFinite(loss) ? loss : null,
    trainAcc: acc.trainAcc,
    testAcc: acc.testAcc,
    valAcc: acc.valAcc,
    iterations: total,
    epochs: total / trainer.iterPerEpoch,
    elapsedMs: Math.max(0, hooks.now() - start),
    divergedAt,
    ...(confusion ? { confusion } : {}),
  }
}
