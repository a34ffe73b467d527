/**
 * Where mini-batches come from, and the book's epoch arithmetic.
 * - 'replacement' (the book): every batch is rng.choice(trainSize, batchSize).
 * - 'shuffle': a fresh permutation per pass over the data, consumed batchSize at a time
 *   without replacement; a batch that crosses the end of a pass continues in the next one
 *   (so no sample is ever skipped and batchSize > trainSize still works).
 */
import type { Budget, RunSpec } from '../shared/schemas'
import type { Rng } from './random'

export type SamplingKind = RunSpec['sampling']

export interface BatchSampler {
  readonly batchSize: number
  /** Fill out[0..batchSize) with the next batch's row indices. */
  next(out: Int32Array): void
}

class ReplacementSampler implements BatchSampler {
  constructor(
    private readonly trainSize: number,
    readonly batchSize: number,
    private readonly rng: Rng,
  ) {}

  next(out: Int32Array): void {
    this.rng.choice(this.trainSize, this.batchSize, out)
  }
}

class ShuffleSampler implements BatchSampler {
  private readonly order: Int32Array
  private pos: number

  constructor(
    private readonly trainSize: number,
    readonly batchSize: number,
    private readonly rng: Rng,
  ) {
    this.order = new Int32Array(trainSize)
    this.pos = trainSize // draw a permutation on first use
  }

  next(out: Int32Array): void {
    for (let i = 0; i < this.batchSize; i++) {
      if (this.pos === this.trainSize) {
        this.rng.permutation(this.trainSize, this.order)
        this.pos = 0
      }
      out[i] = this.order[this.pos++]
    }
  }
}

const SAMPLERS: Record<SamplingKind, new (trainSize: number, batchSize: number, rng: Rng) => BatchSampler> = {
  replacement: ReplacementSampler,
  shuffle: ShuffleSampler,
}

export function createSampler(kind: SamplingKind, trainSize: number, batchSize: number, rng: Rng): BatchSampler {
  const Make = SAMPLERS[kind]
  if (!Make) throw new Error(`unknown sampling '${kind}' (known: ${Object.keys(SAMPLERS).join(', ')})`)
  if (!(Number.isInteger(trainSize) && trainSize > 0)) throw new Error(`training set is empty (trainSize ${trainSize})`)
  if (!(Number.isInteger(batchSize) && batchSize > 0)) throw new Error(`batchSize must be a whole number > 0, got ${batchSize}`)
  return new Make(trainSize, batchSize, rng)
}

/** The book's iter_per_epoch = max(train_size / batch_size, 1), a float. */
export function itersPerEpoch(trainSize: number, batchSize: number): number {
  return Math.max(trainSize / batchSize, 1)
}

/** The book's epoch test `i % iter_per_epoch == 0` (float modulo, as Python's for positive numbers). */
export function isEpochBoundary(iteration: number, iterPerEpoch: number): boolean {
  return iteration % iterPerEpoch === 0
}

/** Iterations for a budget: a count, or the book's max_iter = int(epochs * iter_per_epoch). */
export function maxIterations(budget: Budget, iterPerEpoch: number): number {
  return budget.unit === 'iterations' ? budget.count : Math.trunc(budget.count * iterPerEpoch)
}
