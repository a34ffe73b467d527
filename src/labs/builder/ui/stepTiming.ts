/**
 * Times real training steps of the engine, here in the renderer, to estimate how long an epoch
 * will take, with the kernels the trainer process uses: the WebAssembly SIMD build (plain SIMD,
 * as src/trainer/main.ts pins it), with the network's buffers in its memory as the trainer
 * places them; the TypeScript kernels only where the runtime has no WebAssembly SIMD (the
 * trainer then falls back to them too). Timing the TypeScript kernels made the estimate 4–12×
 * too high. Random inputs are enough: the cost of a step depends on the shapes, not on the
 * pixels. A shape too large to time without freezing the window is scaled from a small
 * reference network by its multiply-adds.
 */
import { Matrix, Network, Rng, createOptimizer, createWasmKernels, getKernels, setKernels, tsKernels, type HiddenBlock, type OptimizerSpec } from '@renderer/lib/contract'
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
  /** The kernels timed ('wasm-simd', or 'typescript' where WebAssembly SIMD is missing). */
  kernels: string
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

/**
 * Runs `fn` with the trainer's kernels active (a fresh WebAssembly instance whose arena holds this
 * network's buffers, dropped afterwards), then puts the renderer's kernels back.
 */
function withTrainerKernels<T>(arenaBytes: number, fn: (kernels: string) => T): T {
  const before = getKernels()
  const wasm = createWasmKernels({ variant: 'simd', arenaBytes, scratchBytes: 8 << 20 })
  setKernels(wasm ?? tsKernels)
  try {
    return fn((wasm ?? tsKernels).name)
  } finally {
    setKernels(before)
  }
}

/** Bytes for a network's weights, gradients and optimizer state and a batch's activations (float32), with room to spare. */
function arenaFor(shape: TimingShape, rows: number): number {
  const inputSize = shape.inputSize ?? MNIST_SHAPE.inputSize
  const classes = shape.classes ?? MNIST_SHAPE.classes
  const weights = forwardMacs(shape.hidden, inputSize, classes)
  const units = inputSize + classes + shape.hidden.reduce((s, b) => s + b.width, 0)
  return 4 * (6 * weights + 12 * rows * units) + (4 << 20)
}

function measure(shape: TimingShape, rows: number): StepTiming {
  return withTrainerKernels(arenaFor(shape, rows), (kernels) => ({ ...measureActive(shape, rows), kernels }))
}

function measureActive(shape: TimingShape, rows: number): Omit<StepTiming, 'kernels'> {
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
  return { stepMsPerRow: reference.timing.stepMsPerRow * scale, forwardMsPerRow: reference.timing.forwardMsPerRow * scale, kernels: reference.timing.kernels }
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
