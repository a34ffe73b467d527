/**
 * Speed work must not move a single bit: short runs through the engine with the WebAssembly
 * kernels a trainer process uses (plain SIMD, arena) on the real MNIST digits, fingerprinted
 * (SHA-256 of every recorded value and every final parameter, as float32/float64 bits). The
 * expected digests were recorded from the kernels before issue 13's kernel and glue changes
 * (commit 17b783f); a faster kernel that sums in another order, or skips a different set of
 * terms, changes them.
 */
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Rng, Trainer, getKernels, prepareData, setKernels, train, withScopedMemory, type Prepared } from '../../src/engine'
import { createWasmKernels } from '../../src/engine/kernels/wasm'
import { defaultOptimizer } from '../../src/labs/common'
import { OptimizersMnistParamsSchema, optimizersMnistLab } from '../../src/labs/optimizers-mnist/lab'
import { RandomSearchParamsSchema, randomSearchLab } from '../../src/labs/random-search/lab'
import { loadBuiltinMnist } from '../../src/main/data/builtin'
import { OPTIMIZER_NAMES, type RunSpec } from '../../src/shared/schemas'

const raw = loadBuiltinMnist(join(__dirname, '..', '..', 'resources', 'mnist-10k.bin'))

/** Lab 2's own runs (784-100×4-10, batch 128, 8,000 + 2,000 digits) for all six optimizers, short. */
const lab2Runs = optimizersMnistLab.plan(OptimizersMnistParamsSchema.parse({ optimizers: OPTIMIZER_NAMES.map(defaultOptimizer), iterations: 30, evalEvery: 15 }))

/** Two trials of the search lab (6×100, weight decay, 400 + 100 validation), with batch norm and dropout in two blocks. */
const searchRuns = randomSearchLab.plan(
  RandomSearchParamsSchema.parse({
    trials: 2,
    budget: { unit: 'epochs', count: 5 },
    hidden: Array.from({ length: 6 }, (_, i) => ({ width: 100, batchNorm: i === 1, activation: 'relu', dropout: i === 3 ? 0.2 : 0 })),
    seed: 3,
  }),
)

/** SHA-256 (first 16 hex digits) of a run's series (as float64) and its final parameters (float32 bits). */
function fingerprint(spec: RunSpec): string {
  const h = createHash('sha256')
  return withScopedMemory(() => {
    const data: Prepared = prepareData(raw, spec.data, new Rng(spec.seed).derive('data'))
    const final = train(spec, data, {
      now: () => 0,
      onProgress: () => {},
      onChunks: (chunks) => {
        for (const c of chunks) {
          h.update(c.series)
          h.update(new Uint8Array(Float64Array.from(c.values).buffer))
        }
      },
    })
    h.update(JSON.stringify([final.loss, final.trainAcc, final.testAcc, final.valAcc]))
    // the final weights: rerun the same spec by hand (train() keeps its Trainer to itself)
    const trainer = new Trainer(spec, data)
    for (let i = 0; i < trainer.maxIter; i++) trainer.step()
    for (const p of trainer.network.params()) h.update(new Uint8Array(p.value.buffer, p.value.byteOffset, p.value.byteLength))
    return h.digest('hex').slice(0, 16)
  })
}

describe('the WebAssembly engine gives the same bits as before the speed work', () => {
  const before = getKernels()
  const wasm = createWasmKernels({ variant: 'simd', arenaBytes: 64 << 20 })

  /** Recorded at 17b783f (before the speed work), in plan order: lab 2's six runs, then the two trials. */
  const WANT = ['4c86f6108a6dae9f', 'a345e00a1fb79c8d', 'cd7d22c9bc6ed9c0', 'b34d36bb39b4099f', '6fe93c9f9fcc3217', 'd075b1b538c09d2b', 'de469cae443a2d77', 'a3793c66525fb733']
  const cases: [string, RunSpec, string][] = [...lab2Runs, ...searchRuns].map((r, i) => [r.label, r.spec, WANT[i]])
  it.each(cases)('%s', (_name, spec, want) => {
    if (!wasm) return // no WebAssembly SIMD here: nothing to compare
    setKernels(wasm)
    try {
      expect(fingerprint(spec)).toBe(want)
    } finally {
      setKernels(before)
    }
  })
})
