/**
 * What the Inside panel's snapshots (issue 12) cost: the same run trained in-process with
 * snapshots off and on, interleaved, best of `repeats` each, at three labs' default settings:
 * lab 4 (784-100×4 ReLU, 2000 iterations, evaluated every 500), lab 5 (5×100 with BN, 1,000
 * samples, 20 epochs: an evaluation every 10 iterations) and lab 6 (7×100, 300 samples, 301
 * epochs, dropout: every 3 iterations). The target: on ÷ off ≤ 1.10.
 */
import { Rng, prepareData, setKernels, train, tsKernels, type Kernels, type RawDataset } from '../src/engine'
import { RunSpecSchema, type RunSpec, type RunSpecInput } from '../src/shared/schemas'
import { Table, f2, f3 } from './table'

const relu = (n: number, extra: object = {}) => Array.from({ length: n }, () => ({ width: 100, ...extra }))

/** The three labs' default runs (epochs and iterations scaled by `scale` for --quick). */
export function insideSpecs(scale = 1): { name: string; spec: RunSpec }[] {
  const s = (x: Omit<RunSpecInput, 'seed'>) => RunSpecSchema.parse({ ...x, seed: 1 })
  return [
    { name: 'lab 4: He, 784-100×4, 2000 iterations, eval every 500', spec: s({ network: { hidden: relu(4), init: { kind: 'he' } }, optimizer: { kind: 'sgd', lr: 0.01 }, batchSize: 128, budget: { unit: 'iterations', count: Math.round(2000 * scale) }, evalEvery: Math.round(500 * scale) }) },
    { name: 'lab 5: BN, 5×100, 1,000 samples, 20 epochs', spec: s({ network: { hidden: relu(5, { batchNorm: true }), init: { kind: 'std', std: 0.01 } }, optimizer: { kind: 'sgd', lr: 0.01 }, data: { trainSize: 1000 }, batchSize: 100, budget: { unit: 'epochs', count: Math.max(2, Math.round(20 * scale)) } }) },
    { name: 'lab 6: dropout 0.2, 7×100, 300 samples, 301 epochs', spec: s({ network: { hidden: relu(7, { dropout: 0.2 }), init: { kind: 'he' } }, optimizer: { kind: 'sgd', lr: 0.01 }, data: { trainSize: 300 }, batchSize: 100, budget: { unit: 'epochs', count: Math.max(2, Math.round(301 * scale)) }, recordLoss: false }) },
  ]
}

/** Wall and CPU milliseconds of one run (CPU: this process's user + system time, what a busy shared machine inflates least). */
function trainMs(spec: RunSpec, raw: RawDataset, snapshots: boolean): { ms: number; cpuMs: number; frames: number } {
  const data = prepareData(raw, spec.data, new Rng(spec.seed).derive('data'))
  let frames = 0
  const c = process.cpuUsage()
  const t = performance.now()
  train({ ...spec, snapshots }, data, { now: () => performance.now(), onChunks: () => {}, onProgress: () => {}, onInside: () => frames++ })
  const u = process.cpuUsage(c)
  return { ms: performance.now() - t, cpuMs: (u.user + u.system) / 1000, frames }
}

/** The bench table: ms per run with snapshots off and on, and their ratio. */
export function insideCostTable(kernels: Kernels, raw: RawDataset, opts: { quick: boolean; repeats?: number }): Table {
  const table = new Table('Inside snapshots (issue 12): one run in-process, snapshots off and on', ['run', 'frames', 'off, ms', 'on, ms', 'on ÷ off', 'CPU on ÷ off'])
  const repeats = opts.repeats ?? (opts.quick ? 2 : 3)
  setKernels(kernels)
  try {
    for (const { name, spec } of insideSpecs(opts.quick ? 0.1 : 1)) {
      let off = Infinity
      let on = Infinity
      let cpuOff = Infinity
      let cpuOn = Infinity
      let frames = 0
      for (let r = 0; r < repeats; r++) {
        const f = trainMs(spec, raw, false)
        off = Math.min(off, f.ms)
        cpuOff = Math.min(cpuOff, f.cpuMs)
        const o = trainMs(spec, raw, true)
        on = Math.min(on, o.ms)
        cpuOn = Math.min(cpuOn, o.cpuMs)
        frames = o.frames
      }
      table.add([name, frames, f2(off), f2(on), f3(on / off), f3(cpuOn / cpuOff)])
    }
  } finally {
    setKernels(tsKernels)
  }
  table.note('Same seed and data; off and on interleaved, best of each; the WASM SIMD kernels, as in a trainer process. Target ≤ 1.10 at the default settings.')
  return table
}
