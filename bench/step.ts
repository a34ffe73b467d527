/**
 * Lab 2's training step (784-100-100-100-100-10 ReLU, He init, batch 128: sample a batch,
 * forward, backward, update) through the real engine (`Trainer.step`, what a trainer process
 * runs), per optimizer, with a given kernel backend; plus a profile of where one step's time goes.
 */
import { Matrix, Trainer, gatherLabels, gatherRows, getKernels, setKernels, type Kernels, type Prepared } from '../src/engine'
import type { OptimizerSpec, RunSpec } from '../src/shared/schemas'
import { bestOfBoth } from './timing'

export const OPTIMIZERS: OptimizerSpec['kind'][] = ['sgd', 'momentum', 'adagrad', 'adam']

const DEFAULT_LR: Record<string, number> = { sgd: 0.01, momentum: 0.01, nesterov: 0.01, adagrad: 0.01, rmsprop: 0.01, adam: 0.001 }

/** Lab 2's run spec for one optimizer (the book's defaults). */
export function lab2Spec(kind: OptimizerSpec['kind'], iterations = 2000): RunSpec {
  return {
    network: {
      hidden: [100, 100, 100, 100].map((width) => ({ width, batchNorm: false, activation: 'relu' as const, dropout: 0 })),
      init: { kind: 'he' },
      weightDecay: 0,
      dropoutMode: 'book',
      bias: true,
    },
    optimizer: { kind, lr: DEFAULT_LR[kind] } as OptimizerSpec,
    data: { source: { kind: 'builtin-mnist' }, validationSplit: 0 },
    batchSize: 128,
    budget: { unit: 'iterations', count: iterations },
    sampling: 'replacement',
    evalEvery: 500,
    recordLoss: true,
    seed: 1,
    divergenceFactor: 1e3,
  }
}

/** Best ms per `Trainer.step()` (wall and CPU) for each optimizer with the given kernels active. */
export function stepTimes(kernels: Kernels, data: Prepared, budgetMs: number): { wall: Record<string, number>; cpu: Record<string, number> } {
  const before = getKernels()
  setKernels(kernels)
  try {
    const wall: Record<string, number> = {}
    const cpu: Record<string, number> = {}
    for (const kind of OPTIMIZERS) {
      const trainer = new Trainer(lab2Spec(kind), data)
      const t = bestOfBoth(() => trainer.step(), budgetMs)
      wall[kind] = t.wall
      cpu[kind] = t.cpu
    }
    return { wall, cpu }
  } finally {
    setKernels(before)
  }
}

export interface StepProfile {
  kernels: string
  optimizer: string
  totalMs: number
  /** Milliseconds per step by part. */
  parts: Record<string, number>
  /** Milliseconds per step inside each kernel method (included in the parts above). */
  kernelMs: Record<string, number>
}

/** Where one step's time goes: each phase timed, and every kernel call timed inside it. */
export function profileStep(kernels: Kernels, data: Prepared, kind: OptimizerSpec['kind'], steps: number): StepProfile {
  const kernelMs: Record<string, number> = {}
  const timed: Record<string, unknown> = { name: kernels.name }
  for (const [key, value] of Object.entries(kernels)) {
    if (typeof value !== 'function') continue
    if (key === 'alloc' || key === 'memoryBytes') {
      timed[key] = value
      continue
    }
    timed[key] = (...args: unknown[]) => {
      const t = performance.now()
      const r = (value as (...a: unknown[]) => unknown)(...args)
      kernelMs[key] = (kernelMs[key] ?? 0) + performance.now() - t
      return r
    }
  }
  const before = getKernels()
  setKernels(timed as unknown as Kernels)
  try {
    const trainer = new Trainer(lab2Spec(kind), data)
    const net = trainer.network
    const values = net.params().map((p) => p.value)
    const grads = net.params().map((p) => p.grad)
    const train = { train: true }
    const phases = { batch: 0, forward: 0, backward: 0, update: 0 }
    const run = (n: number) => {
      for (let i = 0; i < n; i++) {
        let t = performance.now()
        trainer.sampler.next(trainer.batchIndices)
        gatherRows(data.trainX, trainer.batchIndices, trainer.batchX as Matrix)
        gatherLabels(data.trainY, trainer.batchIndices, trainer.batchY)
        let u = performance.now()
        phases.batch += u - t
        t = u
        net.loss(trainer.batchX, trainer.batchY, train)
        u = performance.now()
        phases.forward += u - t
        t = u
        net.gradients()
        u = performance.now()
        phases.backward += u - t
        t = u
        trainer.optimizer.update(values, grads)
        phases.update += performance.now() - t
      }
    }
    run(Math.min(100, steps))
    for (const k of Object.keys(kernelMs)) delete kernelMs[k]
    for (const k of Object.keys(phases) as (keyof typeof phases)[]) phases[k] = 0
    run(steps)
    const per = (x: number) => x / steps
    const parts: Record<string, number> = {}
    for (const [k, v] of Object.entries(phases)) parts[k] = per(v)
    const km: Record<string, number> = {}
    for (const [k, v] of Object.entries(kernelMs)) km[k] = per(v)
    return { kernels: kernels.name, optimizer: kind, totalMs: Object.values(parts).reduce((a, b) => a + b, 0), parts, kernelMs: km }
  } finally {
    setKernels(before)
  }
}

/** Every kernel call of one real training step, with copies of its operands. */
export interface CapturedCall {
  key: string
  args: unknown[]
}

export function captureStep(kernels: Kernels, data: Prepared, warmup = 200): CapturedCall[] {
  const calls: CapturedCall[] = []
  let capture = false
  const wrap: Record<string, unknown> = { name: kernels.name }
  for (const [key, value] of Object.entries(kernels)) {
    if (typeof value !== 'function') continue
    wrap[key] = (...args: unknown[]) => {
      if (capture && key !== 'alloc' && key !== 'memoryBytes') {
        calls.push({ key, args: args.map((a) => (a instanceof Float32Array ? Float32Array.from(a) : a)) })
      }
      return (value as (...a: unknown[]) => unknown)(...args)
    }
  }
  const before = getKernels()
  setKernels(wrap as unknown as Kernels)
  try {
    const trainer = new Trainer(lab2Spec('adam'), data)
    for (let i = 0; i < warmup; i++) trainer.step()
    capture = true
    trainer.step()
    return calls
  } finally {
    setKernels(before)
  }
}
