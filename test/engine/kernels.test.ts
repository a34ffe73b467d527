/** TS kernels against a naive float64 triple loop, on random shapes including odd sizes, 1×N, N×1. */
import { describe, expect, it } from 'vitest'
import { Matrix, Network, Rng, getKernels, setKernels, tsKernels, type Kernels } from '../../src/engine'

const rng = new Rng(2024)

function rand(n: number, zeroFraction = 0): Float32Array {
  const a = new Float32Array(n)
  for (let i = 0; i < n; i++) a[i] = rng.uniform() < zeroFraction ? 0 : rng.normal()
  return a
}

/** Naive C = op(A)·op(B) in float64; A is m×k (or k×m if ta), B is k×n (or n×k if tb). */
function naive(a: Float32Array, b: Float32Array, m: number, k: number, n: number, ta: boolean, tb: boolean): Float64Array {
  const c = new Float64Array(m * n)
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let s = 0
      for (let p = 0; p < k; p++) s += (ta ? a[p * m + i] : a[i * k + p]) * (tb ? b[j * k + p] : b[p * n + j])
      c[i * n + j] = s
    }
  return c
}

/** float32 accumulation of k products: error ≲ k·2^-24·Σ|a·b|; we allow 1e-5·(1 + Σ|a_ip·b_pj|). */
function expectClose(got: Float32Array, want: Float64Array, scale: Float64Array) {
  for (let i = 0; i < want.length; i++) {
    const tol = 1e-5 * (1 + scale[i])
    if (!(Math.abs(got[i] - want[i]) <= tol)) throw new Error(`element ${i}: got ${got[i]}, want ${want[i]} (tol ${tol})`)
  }
}

function absOf(a: Float32Array): Float32Array {
  return a.map(Math.abs)
}

const SHAPES: [number, number, number][] = [
  [1, 1, 1], [1, 7, 1], [1, 9, 13], [13, 9, 1], [7, 1, 5], [4, 4, 4], [5, 3, 7], [8, 17, 6],
  [33, 31, 29], [64, 100, 10], [3, 784, 5], [128, 5, 3], [2, 2, 130],
]

describe.each([['typescript', tsKernels]] as [string, Kernels][])('%s kernels', (_name, k) => {
  it.each(SHAPES)('matmul, matmulTN, matmulNT on %i×%i×%i (dense and sparse A), with and without accumulate', (m, kk, n) => {
    for (const zeros of [0, 0.6]) {
      const a = rand(m * kk, zeros)
      const b = rand(kk * n)
      const c0 = rand(m * n)
      for (const [fn, ta, tb] of [[k.matmul, false, false], [k.matmulTN, true, false], [k.matmulNT, false, true]] as const) {
        const want = naive(a, b, m, kk, n, ta, tb)
        const scale = naive(absOf(a), absOf(b), m, kk, n, ta, tb)
        const c = new Float32Array(m * n).fill(123) // overwritten
        fn(a, b, c, m, kk, n, false)
        expectClose(c, want, scale)
        const acc = c0.slice()
        fn(a, b, acc, m, kk, n, true)
        expectClose(acc, want.map((v, i) => v + c0[i]), scale.map((v, i) => v + Math.abs(c0[i])))
      }
    }
  })

  it('addBias and colSums', () => {
    const m = 7
    const n = 5
    const a = rand(m * n)
    const bias = rand(n)
    const c = a.slice()
    k.addBias(c, bias, m, n)
    for (let i = 0; i < m * n; i++) expect(c[i]).toBeCloseTo(a[i] + bias[i % n], 6)
    const sums = new Float32Array(n).fill(9)
    k.colSums(a, sums, m, n, false)
    for (let j = 0; j < n; j++) {
      let s = 0
      for (let i = 0; i < m; i++) s += a[i * n + j]
      expect(sums[j]).toBeCloseTo(s, 5)
    }
    k.colSums(a, sums, m, n, true)
    for (let j = 0; j < n; j++) {
      let s = 0
      for (let i = 0; i < m; i++) s += a[i * n + j]
      expect(sums[j]).toBeCloseTo(2 * s, 5)
    }
  })

  it('writes nothing beyond C (buffers larger than the product are left alone)', () => {
    const a = rand(3 * 4)
    const b = rand(4 * 5)
    const c = new Float32Array(3 * 5 + 4).fill(7)
    k.matmul(a, b, c, 3, 4, 5, false)
    expect(Array.from(c.subarray(15))).toEqual([7, 7, 7, 7])
  })
})

describe('kernel registry', () => {
  it('every matrix product of a network goes through getKernels() (a backend can be swapped in)', () => {
    const calls = { matmul: 0, matmulTN: 0, matmulNT: 0 }
    const counting: Kernels = {
      ...tsKernels,
      name: 'counting',
      matmul: (...args) => (calls.matmul++, tsKernels.matmul(...args)),
      matmulTN: (...args) => (calls.matmulTN++, tsKernels.matmulTN(...args)),
      matmulNT: (...args) => (calls.matmulNT++, tsKernels.matmulNT(...args)),
    }
    setKernels(counting)
    try {
      expect(getKernels().name).toBe('counting')
      const hidden = [5, 4].map((width) => ({ width, batchNorm: false, activation: 'relu' as const, dropout: 0 }))
      const net = new Network({ hidden, init: { kind: 'he' }, weightDecay: 0, dropoutMode: 'book', bias: true }, 3, 2, new Rng(1))
      const x = new Matrix(2, 3, Float32Array.from([1, 2, 3, 4, 5, 6]))
      net.loss(x, Uint8Array.from([0, 1]), { train: true })
      net.gradients()
      // 3 Affine layers: 3 forward products, 3 dW, 2 dx (the input needs none)
      expect(calls).toEqual({ matmul: 3, matmulTN: 3, matmulNT: 2 })
    } finally {
      setKernels(tsKernels)
    }
  })
})
