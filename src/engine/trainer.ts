/**
 * One training run's state: network, optimizer, batch source and reused batch buffers.
 * `step()` is one iteration of the book's Trainer (sample a batch, forward, backward, update);
 * `train()` in train.ts drives it and reports metrics.
 */
import type { RunSpec } from '../shared/schemas'
import type { Prepared } from './data'
import { Matrix, gatherLabels, gatherRows } from './matrix'
import { Network } from './network'
import { createOptimizer, type Optimizer } from './optimizers'
import { Rng } from './random'
import { createSampler, isEpochBoundary, itersPerEpoch, maxIterations, type BatchSampler } from './sampling'

const TRAINING = { train: true }

export interface Accuracies {
  trainAcc: number
  /** null when the spec asks not to evaluate the test set (evalTest: false). */
  testAcc: number | null
  valAcc: number | null
}

export class Trainer {
  readonly spec: RunSpec
  readonly data: Prepared
  readonly network: Network
  readonly optimizer: Optimizer
  readonly sampler: BatchSampler
  readonly iterPerEpoch: number
  readonly maxIter: number
  /** The current mini-batch (row indices, inputs, labels): reused every step. */
  readonly batchIndices: Int32Array
  readonly batchX: Matrix
  readonly batchY: Uint8Array
  /** Updates done so far. */
  iteration = 0
  private readonly values: Float32Array[]
  private readonly grads: Float32Array[]

  /** Streams from the seed: 'init' weights, 'dropout' masks (inside Network), 'batches'. */
  constructor(spec: RunSpec, data: Prepared) {
    const trainSize = data.trainX.rows
    if (data.trainY.length !== trainSize) throw new Error(`${trainSize} training rows but ${data.trainY.length} labels`)
    const root = new Rng(spec.seed)
    this.spec = spec
    this.data = data
    this.network = new Network(spec.network, data.inputSize, data.classes, root)
    this.optimizer = createOptimizer(spec.optimizer)
    const batchSize = spec.batchSize ?? 100
    this.sampler = createSampler(spec.sampling ?? 'replacement', trainSize, batchSize, root.derive('batches'))
    this.iterPerEpoch = itersPerEpoch(trainSize, batchSize)
    this.maxIter = maxIterations(spec.budget, this.iterPerEpoch)
    this.batchIndices = new Int32Array(batchSize)
    this.batchX = new Matrix(batchSize, data.inputSize)
    this.batchY = new Uint8Array(batchSize)
    const params = this.network.params()
    this.values = params.map((p) => p.value)
    this.grads = params.map((p) => p.grad)
  }

  /** One iteration; returns the mini-batch loss measured in the forward pass (before the update). */
  step(): number {
    this.sampler.next(this.batchIndices)
    gatherRows(this.data.trainX, this.batchIndices, this.batchX)
    gatherLabels(this.data.trainY, this.batchIndices, this.batchY)
    const loss = this.network.loss(this.batchX, this.batchY, TRAINING)
    this.network.gradients()
    this.optimizer.update(this.values, this.grads)
    this.iteration++
    return loss
  }

  /** Accuracy is measured after `updates` updates when: 0, every evalEvery (or each book epoch), the end. */
  isEvalPoint(updates: number): boolean {
    if (updates === 0 || updates === this.maxIter) return true
    const every = this.spec.evalEvery
    return every !== undefined ? updates % every === 0 : isEpochBoundary(updates, this.iterPerEpoch)
  }

  /** Train, test (and validation) accuracy in inference mode. */
  evaluate(): Accuracies {
    const d = this.data
    return {
      trainAcc: this.network.accuracy(d.trainX, d.trainY),
      testAcc: this.spec.evalTest === false ? null : this.network.accuracy(d.testX, d.testY),
      valAcc: d.valX && d.valY ? this.network.accuracy(d.valX, d.valY) : null,
    }
  }
}
