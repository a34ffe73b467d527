/**
 * Times real training steps of the engine (the same TypeScript code the trainer process runs),
 * here in the renderer, to estimate how long an epoch will take. Random inputs are enough: the
 * cost of a step depends on the shapes, not on the pixels. A shape too large to time without
 * freezing the window is scaled from a small reference network by its multiply-adds.
 */
import { Matrix, Network, Rng, createOptimizer, type HiddenBlock, type OptimizerSpec } from '@renderer/lib/contract'
import { MNIST_SHAPE, forwardMacs } from './networkSize'

interface TimingShape {
  hidden: HiddenBlock[]
  dropoutMode: 'book' | 'inverted'
  optimizer: OptimizerSpec
  inputSize?: number
  classes?: number
}

/** Milliseconds per sample of a training step (forward, backward, update) and of an inference forward. */
export interface StepTiming {
  stepMsPerRow: number
  forwardMsPerRow: number
}

/** About this many multiply-adds per timed step keep one measurement near 10–40 ms. */
const MACS_PER_TIMED_STEP = 8e6
/** Beyond this many multiply-adds per sample even a 4-row step would block the window too long. */
const MAX_TIMED_MACS_PER_ROW = 4e6
const MIN_MS = 40
const MAX_STEPS = 12

/** The median time of one call, after two untimed calls (the JIT settles; a busy moment weighs less than in a mean). */
function timeLoop(fn: () => void): number {
  fn()
  fn()
  const times: number[] = []
  const start = performance.now()
  do {
    const t0 = performance.now()
    fn()
    times.push(performance.now() - t0)
  } while (performance.now() - start < MIN_MS && times.length < MAX_STEPS)
  times.sort((x, y) => x - y)
  return times[Math.floor(times.length / 2)]!
}

function measure(shape: TimingShape, rows: number): StepTiming {
  const inputSize = shape.inputSize ?? MNIST_SHAPE.inputSize
  const classes = shape.classes ?? MNIST_SHAPE.classes
  const rng = new Rng(7)
  const net = new Network({ hidden: shape.hidden, init: { kind: 'he' }, weightDecay: 0, dropoutMode: shape.dropoutMode, bias: true }, inputSize, classes, rng)
  const optimizer = createOptimizer(shape.optimizer)
  const x = new Matrix(rows, inputSize)
  for (let i = 0; i < x.data.length; i++) x.data[i] = rng.uniform()
  const y = Uint8Array.from({ length: rows }, (_, i) => i % classes)
  const params = net.params()
  const values = params.map((p) => p.value)
  const grads = params.map((p) => p.grad)
  const step = (): void => {
    net.loss(x, y, { train: true })
    net.gradients()
    optimizer.update(values, grads)
  }
  const stepMs = timeLoop(step)
  const forwardMs = timeLoop(() => void net.predict(x))
  return { stepMsPerRow: stepMs / rows, forwardMsPerRow: forwardMs / rows }
}

let reference: { timing: StepTiming; macs: number } | null = null

/** Times `shape` with a mini-batch of up to `batchSize` rows (fewer for wide networks: the cost per row is the same). */
export function timeSteps(shape: TimingShape, batchSize: number): StepTiming {
  const macs = forwardMacs(shape.hidden, shape.inputSize, shape.classes)
  if (macs <= MAX_TIMED_MACS_PER_ROW) {
    const rows = Math.max(4, Math.min(batchSize, Math.floor(MACS_PER_TIMED_STEP / Math.max(1, macs))))
    return measure(shape, rows)
  }
  if (!reference) {
    const refShape: TimingShape = { ...shape, hidden: [100, 100].map((width) => ({ width, batchNorm: false, activation: 'relu' as const, dropout: 0 })) }
    reference = { timing: measure(refShape, 64), macs: forwardMacs(refShape.hidden) }
  }
  const scale = macs / reference.macs
  return { stepMsPerRow: reference.timing.stepMsPerRow * scale, forwardMsPerRow: reference.timing.forwardMsPerRow * scale }
}

export interface EpochCounts {
  /** Samples trained on (after the validation hold-out). */
  train: number
  validation: number
  test: number
}

/**
 * One epoch: train/batch iterations (at least 1, as the book's iter_per_epoch) of `batchSize`
 * samples, then the accuracy on the training, validation and test data (inference only).
 */
export function epochMs(t: StepTiming, batchSize: number, counts: EpochCounts): { stepMs: number; iterations: number; epochMs: number } {
  const stepMs = t.stepMsPerRow * batchSize
  const iterations = Math.max(counts.train / batchSize, 1)
  const evalMs = (counts.train + counts.validation + counts.test) * t.forwardMsPerRow
  return { stepMs, iterations, epochMs: iterations * stepMs + evalMs }
}
