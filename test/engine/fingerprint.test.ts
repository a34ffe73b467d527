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
import { loadBuiltinMnist } from '../../src/main/data/builtin'
import type { OptimizerSpec, RunSpec } from '../../src/shared/schemas'

const raw = loadBuiltinMnist(join(__dirname, '..', '..', 'resources', 'mnist-10k.bin'))

const OPTIMIZERS: OptimizerSpec[] = [
  { kind: 'sgd', lr: 0.01 },
  { kind: 'momentum', lr: 0.01, momentum: 0.9 },
  { kind: 'nesterov', lr: 0.01, momentum: 0.9 },
  { kind: 'adagrad', lr: 0.01 },
  { kind: 'rmsprop', lr: 0.01, decayRate: 0.99 },
  { kind: 'adam', lr: 0.001, beta1: 0.9, beta2: 0.999 },
]

/** Lab 2's network and data (784-100×4-10, batch 128, 8,000 + 2,000 digits), short. */
function lab2(optimizer: OptimizerSpec): RunSpec {
  return {
    network: {
      hidden: [100, 100, 100, 100].map((width) => ({ width, batchNorm: false, activation: 'relu' as const, dropout: 0 })),
      init: { kind: 'he' },
      weightDecay: 0,
      dropoutMode: 'book',
      bias: true,
    },
    optimizer,
    data: { source: { kind: 'builtin-mnist' }, validationSplit: 0 },
    batchSize: 128,
    budget: { unit: 'iterations', count: 30 },
    sampling: 'replacement',
    evalEvery: 15,
    recordLoss: true,
    seed: 1,
    divergenceFactor: 1e3,
  }
}

/** A search trial's shape (6×100, weight decay, 400 + 100 validation) with batch norm and dropout in two blocks. */
function trial(): RunSpec {
  return {
    network: {
      hidden: Array.from({ length: 6 }, (_, i) => ({ width: 100, batchNorm: i === 1, activation: 'relu' as const, dropout: i === 3 ? 0.2 : 0 })),
      init: { kind: 'he' },
      weightDecay: 1e-4,
      dropoutMode: 'book',
      bias: true,
      initSeed: 99,
    },
    optimizer: { kind: 'sgd', lr: 0.01 },
    data: { source: { kind: 'builtin-mnist' }, trainSize: 500, validationSplit: 0.2 },
    batchSize: 100,
    budget: { unit: 'epochs', count: 5 },
    sampling: 'replacement',
    recordLoss: true,
    evalTest: false,
    seed: 3,
    divergenceFactor: 1e3,
  }
}

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

  /** Recorded at 17b783f (before the speed work), in OPTIMIZERS' order. */
  const LAB2 = ['4c86f6108a6dae9f', 'a345e00a1fb79c8d', 'cd7d22c9bc6ed9c0', 'b34d36bb39b4099f', '6fe93c9f9fcc3217', 'd075b1b538c09d2b']
  const cases: [string, () => RunSpec, string][] = [
    ...OPTIMIZERS.map((o, i): [string, () => RunSpec, string] => [`lab 2, ${o.kind}`, () => lab2(o), LAB2[i]]),
    ['search-like trial with weight decay, batch norm and dropout', trial, '900a512eece70be3'],
  ]
  it.each(cases)('%s', (_name, make, want) => {
    if (!wasm) return // no WebAssembly SIMD here: nothing to compare
    setKernels(wasm)
    try {
      expect(fingerprint(make())).toBe(want)
    } finally {
      setKernels(before)
    }
  })
})
