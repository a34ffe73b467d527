/**
 * Softmax with cross-entropy as kernels: the TypeScript reference and both WebAssembly builds
 * against the book's SoftmaxWithLoss run in NumPy (test/golden/softmax.json: a random batch, a row
 * of scores near 1000, a row of equal scores), and against each other on random batches. Both
 * kernels compute in float64 in the same order and round once to float32, so WASM and TS agree
 * to the last bit of float32 (exp/log may differ by an ulp of float64, far below that).
 */
import v8 from 'node:v8'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { Matrix, SoftmaxWithLoss, getKernels, setKernels, tsKernels, type Kernels } from '../../src/engine'
import { createWasmKernels, type WasmVariant } from '../../src/engine/kernels/wasm'
import { expectAllClose } from '../engine/golden'

v8.setFlagsFromString('--experimental-wasm-relaxed-simd')

interface SoftmaxGolden {
  N: number
  C: number
  x: number[][]
  t: number[]
  y: number[][]
  loss: number
  dx: number[][]
}
const golden = JSON.parse(readFileSync(new URL('../golden/softmax.json', import.meta.url), 'utf8')) as SoftmaxGolden

function withKernels<T>(k: Kernels, f: () => T): T {
  const before = getKernels()
  setKernels(k)
  try {
    return f()
  } finally {
    setKernels(before)
  }
}

const backends: [string, () => Kernels][] = [
  ['typescript', () => tsKernels],
  ...(['simd', 'relaxed-simd'] as WasmVariant[]).map((v) => [`wasm ${v} (copy mode)`, () => createWasmKernels({ variant: v })!] as [string, () => Kernels]),
  ['wasm simd (arena buffers)', () => createWasmKernels({ variant: 'simd', arenaBytes: 1 << 20 })!],
]

describe('softmax + cross-entropy kernels', () => {
  it.each(backends)('%s: SoftmaxWithLoss matches NumPy (probabilities, loss, dx), including huge and equal scores', (_name, make) => {
    const k = make()
    withKernels(k, () => {
      const layer = new SoftmaxWithLoss()
      const scores = new Matrix(golden.N, golden.C)
      scores.data.set(golden.x.flat())
      const labels = Uint8Array.from(golden.t)
      const loss = layer.forward(scores, labels)
      expect(loss).toBeCloseTo(golden.loss, 6)
      const y = layer.softmax(scores)
      expectAllClose(y.data, golden.y.flat(), 1e-6, 1e-9, 'softmax')
      const dx = layer.backward()
      expectAllClose(dx.data, golden.dx.flat(), 1e-6, 1e-9, 'dx')
      for (let i = 0; i < golden.N; i++) {
        let s = 0
        for (let j = 0; j < golden.C; j++) s += y.data[i * golden.C + j]
        expect(s).toBeCloseTo(1, 6)
      }
    })
  })

  it.each(backends.slice(1))('%s agrees with the TypeScript kernel bit for bit on random batches', (_name, make) => {
    const k = make()
    let seed = 11
    const r = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296)
    for (const [m, n] of [[1, 10], [7, 3], [128, 10], [100, 10], [33, 17]]) {
      const s = Float32Array.from({ length: m * n }, () => (r() - 0.5) * 40)
      const t = Uint8Array.from({ length: m }, () => Math.floor(r() * n))
      const yRef = new Float32Array(m * n)
      const yGot = new Float32Array(m * n)
      const lossRef = tsKernels.softmaxLoss(s, t, yRef, m, n)
      const lossGot = k.softmaxLoss(s, t, yGot, m, n)
      expect(Math.abs(lossGot - lossRef)).toBeLessThanOrEqual(1e-12 * Math.abs(lossRef))
      expect(Array.from(yGot)).toEqual(Array.from(yRef))
      expect(k.softmaxLoss(s, null, yGot, m, n)).toBe(0)
      expect(Array.from(yGot)).toEqual(Array.from(yRef))
      const dRef = new Float32Array(m * n)
      const dGot = new Float32Array(m * n)
      tsKernels.softmaxBackward(yRef, t, dRef, m, n)
      k.softmaxBackward(yRef, t, dGot, m, n)
      expect(Array.from(dGot)).toEqual(Array.from(dRef))
    }
  })

  it('refuses a label out of range before computing anything', () => {
    const layer = new SoftmaxWithLoss()
    const scores = new Matrix(2, 3)
    expect(() => layer.forward(scores, Uint8Array.from([0, 3]))).toThrow(/label 3 out of range for 3 classes/)
    expect(() => layer.forward(scores, Uint8Array.from([0]))).toThrow(/2 rows but 1 labels/)
  })
})
