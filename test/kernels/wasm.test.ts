/**
 * The WebAssembly SIMD kernels against the TypeScript reference.
 *
 * Tolerance of the matrix products: both sides compute the same sums in float32 but in a
 * different order (the TypeScript kernels even round some partial sums from float64), so each
 * entry may differ by the accumulation error bound of a k-term dot product, for each side:
 *   |C_wasm − C_ts| ≤ 2·(k + 2)·2⁻²⁴ · (Σ_p |A_ip|·|B_pj| + |C₀_ij|)
 * (C₀ the values accumulated into). addBias and colSums add in the same order with one rounding
 * per add on both sides, so they must agree exactly; ReLU too. The optimizer updates compute in
 * float32 where the reference computes in float64 and rounds once: after 20 steps every value within 1e-5 of
 * the largest magnitude in its array (values near zero come from cancellation).
 */
import v8 from 'node:v8'
import { describe, expect, it } from 'vitest'
import { tsKernels, type Kernels } from '../../src/engine/kernels'
import { createWasmKernels, wasmSupport, type WasmKernels, type WasmVariant } from '../../src/engine/kernels/wasm'

// Node 20 validates relaxed SIMD only behind this V8 flag (Electron's newer V8 has it on): set it
// here so both builds are tested. It must come before the first validate of the relaxed module.
v8.setFlagsFromString('--experimental-wasm-relaxed-simd')

const U = 2 ** -24

/** Small deterministic generator (mulberry32). */
function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function randomArray(len: number, r: () => number, zeros = 0): Float32Array {
  const a = new Float32Array(len)
  for (let i = 0; i < len; i++) a[i] = r() < zeros ? 0 : r() * 4 - 2
  return a
}

/** Bit-for-bit equal (NaN equals NaN); a plain loop, as toEqual is slow on large typed arrays. */
function expectSame(got: Float32Array, want: Float32Array): void {
  expect(got.length).toBe(want.length)
  for (let i = 0; i < want.length; i++) {
    if (!Object.is(got[i], want[i]) && !(got[i] === 0 && want[i] === 0)) throw new Error(`[${i}]: ${got[i]} ≠ ${want[i]}`)
  }
}

type Op = 'matmul' | 'matmulTN' | 'matmulNT'

/** A[i,p] and B[p,j] of the product the op computes, whatever the storage. */
function getters(op: Op, a: Float32Array, b: Float32Array, m: number, k: number, n: number) {
  const A = op === 'matmulTN' ? (i: number, p: number) => a[p * m + i] : (i: number, p: number) => a[i * k + p]
  const B = op === 'matmulNT' ? (p: number, j: number) => b[j * k + p] : (p: number, j: number) => b[p * n + j]
  return { A, B }
}

function checkProduct(op: Op, wk: WasmKernels, m: number, k: number, n: number, accumulate: boolean, seed: number, zeros: number, arena: boolean): void {
  const r = rng(seed)
  const src = { a: randomArray(m * k, r, zeros), b: randomArray(k * n, r), c: randomArray(m * n, r) }
  const expected = src.c.slice()
  tsKernels[op](src.a, src.b, expected, m, k, n, accumulate)
  const place = (x: Float32Array) => {
    if (!arena) return x.slice()
    const v = wk.alloc(x.length)
    if (!v) throw new Error('arena full')
    v.set(x)
    return v
  }
  const a = place(src.a)
  const b = place(src.b)
  const c = place(src.c)
  wk[op](a, b, c, m, k, n, accumulate)
  expectSame(a, src.a) // inputs untouched
  expectSame(b, src.b)
  const { A, B } = getters(op, src.a, src.b, m, k, n)
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let mag = accumulate ? Math.abs(src.c[i * n + j]) : 0
      for (let p = 0; p < k; p++) mag += Math.abs(A(i, p) * B(p, j))
      const tol = 2 * (k + 2) * U * mag + 1e-30
      const diff = Math.abs(c[i * n + j] - expected[i * n + j])
      if (!(diff <= tol)) {
        throw new Error(`${op} ${m}×${k}×${n} acc=${accumulate} [${i},${j}]: wasm ${c[i * n + j]} ts ${expected[i * n + j]} (|Δ| ${diff} > ${tol})`)
      }
    }
  }
}

const EDGE_SHAPES: [number, number, number][] = [
  [1, 1, 1], [1, 37, 1], [1, 5, 100], [100, 5, 1], [9, 1, 13], [1, 784, 100], [128, 1, 100],
  [7, 13, 37], [3, 4, 5], [5, 9, 2], [2, 3, 3], [17, 33, 24], [16, 16, 25], [33, 100, 10],
  [31, 29, 48], [4, 8, 49], [6, 7, 51],
]
const MLP_SHAPES: [number, number, number][] = [
  [128, 784, 100], [128, 100, 100], [128, 100, 10], // forward: x·W
  [784, 128, 100], [100, 128, 100], [100, 128, 10], // dW = xᵀ·dout (matmulTN)
  [128, 100, 784], [128, 10, 100], // dx = dout·Wᵀ (matmulNT)
]

const variants: WasmVariant[] = ['simd', 'relaxed-simd']

describe('WebAssembly SIMD kernels', () => {
  it('are available on this runtime (Node 20 has SIMD; relaxed SIMD with the flag set above)', () => {
    const s = wasmSupport()
    expect(s.simd).toBe(true)
    expect(s.relaxedSimd).toBe(true)
    const k = createWasmKernels()
    expect(k?.variant).toBe('relaxed-simd')
    expect(createWasmKernels({ variant: 'simd' })?.name).toBe('wasm-simd')
  })

  for (const variant of variants) {
    describe(variant, () => {
      const ops: Op[] = ['matmul', 'matmulTN', 'matmulNT']
      for (const op of ops) {
        it(`${op} matches the TypeScript kernel on edge shapes (1×N, N×1, k = 1, odd sizes), accumulate on/off`, () => {
          const wk = createWasmKernels({ variant })!
          let seed = 1
          for (const [m, k, n] of EDGE_SHAPES) {
            for (const acc of [false, true]) checkProduct(op, wk, m, k, n, acc, seed++, 0.3, false)
          }
        })

        it(`${op} matches on 200 random shapes with dense and sparse (ReLU-like) inputs`, () => {
          const wk = createWasmKernels({ variant })!
          const r = rng(42)
          for (let t = 0; t < 200; t++) {
            const m = 1 + Math.floor(r() * 40)
            const k = 1 + Math.floor(r() * 70)
            const n = 1 + Math.floor(r() * 70)
            checkProduct(op, wk, m, k, n, r() < 0.5, 1000 + t, [0, 0.5, 0.9, 1][t % 4], false)
          }
        })

        it(`${op} matches at the MLP's shapes, in copy mode and with arena buffers`, () => {
          const wk = createWasmKernels({ variant, arenaBytes: 8 << 20 })!
          let seed = 7
          for (const [m, k, n] of MLP_SHAPES) {
            checkProduct(op, wk, m, k, n, false, seed++, 0.6, false)
            checkProduct(op, wk, m, k, n, true, seed++, 0.8, true)
          }
        })
      }

      it('addBias and colSums agree exactly (same order, one rounding per add)', () => {
        const wk = createWasmKernels({ variant })!
        const r = rng(5)
        for (const [m, n] of [[1, 1], [1, 100], [100, 1], [128, 100], [128, 10], [7, 37], [3, 19], [5, 16], [9, 33]]) {
          const c = randomArray(m * n, r)
          const bias = randomArray(n, r)
          const c1 = c.slice()
          const c2 = c.slice()
          tsKernels.addBias(c1, bias, m, n)
          wk.addBias(c2, bias, m, n)
          expectSame(c2, c1)
          for (const acc of [false, true]) {
            const o1 = randomArray(n, r)
            const o2 = o1.slice()
            tsKernels.colSums(c, o1, m, n, acc)
            wk.colSums(c, o2, m, n, acc)
            expectSame(o2, o1)
          }
        }
      })

      it('addBias works in place on arena buffers', () => {
        const wk = createWasmKernels({ variant, arenaBytes: 1 << 20 })!
        const r = rng(6)
        const src = randomArray(128 * 10, r)
        const bias = randomArray(10, r)
        const c = wk.alloc(src.length)!
        c.set(src)
        tsKernels.addBias(src, bias, 128, 10)
        wk.addBias(c, bias, 128, 10)
        expectSame(c, src)
      })

      it('element-wise kernels: ReLU exact, axpy and Σx² within rounding, all tails', () => {
        const wk = createWasmKernels({ variant })!
        const r = rng(8)
        for (const len of [0, 1, 3, 4, 5, 17, 100, 1001]) {
          const x = randomArray(len, r, 0.3)
          x[0] = len > 0 ? -0 : 0
          if (len > 2) x[2] = NaN
          const o1 = new Float32Array(len)
          const o2 = new Float32Array(len)
          tsKernels.relu(x, o1, len)
          wk.relu(x, o2, len)
          expectSame(o2, o1)
          const d = randomArray(len, r)
          tsKernels.reluBackward(o1, d, o1.slice(), len)
          const dx1 = new Float32Array(len)
          const dx2 = new Float32Array(len)
          tsKernels.reluBackward(o1, d, dx1, len)
          wk.reluBackward(o1, d, dx2, len)
          expectSame(dx2, dx1)
          const y = randomArray(len, r)
          const y1 = y.slice()
          const y2 = y.slice()
          tsKernels.axpy(y1, d, len, -0.37)
          wk.axpy(y2, d, len, -0.37)
          for (let i = 0; i < len; i++) expect(Math.abs(y2[i] - y1[i])).toBeLessThanOrEqual(4 * U * (Math.abs(y[i]) + 0.37 * Math.abs(d[i])))
          const s1 = tsKernels.sumSquares(d, len)
          expect(Math.abs(wk.sumSquares(d, len) - s1)).toBeLessThanOrEqual(1e-12 * (s1 + 1))
        }
      })

      it('optimizer updates follow the reference over 20 steps (1e-5 of the array\'s scale)', () => {
        const wk = createWasmKernels({ variant })!
        const r = rng(9)
        const len = 1037
        const cases: [string, (k: Kernels, p: Float32Array, g: Float32Array, s1: Float32Array, s2: Float32Array, t: number) => void][] = [
          ['axpy (SGD)', (k, p, g) => k.axpy(p, g, len, -0.01)],
          ['momentum', (k, p, g, v) => k.momentum(p, g, v, len, 0.01, 0.9)],
          ['nesterov', (k, p, g, v) => k.nesterov(p, g, v, len, 0.01, 0.9)],
          ['adagrad', (k, p, g, h) => k.adagrad(p, g, h, len, 0.01, 1e-7)],
          ['rmsprop', (k, p, g, h) => k.rmsprop(p, g, h, len, 0.01, 0.99, 1e-7)],
          ['adam', (k, p, g, m, v, t) => k.adam(p, g, m, v, len, (0.001 * Math.sqrt(1 - 0.999 ** t)) / (1 - 0.9 ** t), 0.1, 0.001, 1e-7)],
        ]
        for (const [name, step] of cases) {
          const p0 = randomArray(len, r)
          const ref = [p0.slice(), new Float32Array(len), new Float32Array(len)]
          const got = [p0.slice(), new Float32Array(len), new Float32Array(len)]
          for (let t = 1; t <= 20; t++) {
            const g = randomArray(len, r, 0.2)
            step(tsKernels, ref[0], g, ref[1], ref[2], t)
            step(wk, got[0], g, got[1], got[2], t)
          }
          for (let s = 0; s < 3; s++) {
            let scale = 0
            for (let i = 0; i < len; i++) scale = Math.max(scale, Math.abs(ref[s][i]))
            for (let i = 0; i < len; i++) {
              const d = Math.abs(got[s][i] - ref[s][i])
              if (!(d <= 1e-5 * scale)) throw new Error(`${name}: state ${s}[${i}] wasm ${got[s][i]} ref ${ref[s][i]} (scale ${scale})`)
            }
          }
        }
      })
    })
  }

  it('skips zero entries of A (like the TypeScript kernel) but keeps NaN', () => {
    const wk = createWasmKernels({ variant: 'simd' })!
    const a = Float32Array.from([0, NaN, 1, 0])
    const b = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8])
    const c = new Float32Array(4)
    wk.matmul(a, b, c, 2, 2, 2, false)
    expect(Number.isNaN(c[0]) && Number.isNaN(c[1])).toBe(true)
    expect(Array.from(c.subarray(2))).toEqual([1, 2])
  })

  it('grows its memory for large operands and stays correct afterwards (copy mode)', () => {
    const wk = createWasmKernels({ variant: 'simd' })!
    const before = wk.memoryBytes()
    checkProduct('matmul', wk, 300, 784, 100, false, 3, 0.5, false)
    expect(wk.memoryBytes()).toBeGreaterThan(before)
    checkProduct('matmulNT', wk, 5, 6, 7, true, 4, 0, false)
  })

  it('never grows once alloc has handed out views: too-large calls fall back to TypeScript, views stay valid', () => {
    const wk = createWasmKernels({ variant: 'simd', arenaBytes: 1 << 16, scratchBytes: 1 << 16 })!
    const v = wk.alloc(100)!
    v.fill(3)
    expect(wk.alloc(1 << 20)).toBeNull() // larger than the arena
    const size = wk.memoryBytes()
    checkProduct('matmul', wk, 200, 300, 100, false, 11, 0.5, false) // needs ~400 KB of scratch
    expect(wk.memoryBytes()).toBe(size)
    expect(v.length).toBe(100)
    expect(v[99]).toBe(3)
  })
})

describe('allocF32', () => {
  it('places buffers in the WASM arena while those kernels are active, on the JS heap otherwise', async () => {
    const { allocF32, getKernels, setKernels } = await import('../../src/engine/kernels')
    const before = getKernels()
    try {
      const plain = allocF32(10)
      expect(plain.buffer.byteLength).toBe(40)
      const wk = createWasmKernels({ variant: 'simd', arenaBytes: 1 << 16 })!
      setKernels(wk)
      const inArena = allocF32(100)
      expect(inArena.length).toBe(100)
      expect(inArena.buffer.byteLength).toBeGreaterThan(1 << 16)
      expect(Array.from(inArena.subarray(0, 3))).toEqual([0, 0, 0])
      const tooBig = allocF32(1 << 16) // larger than the arena: a plain array
      expect(tooBig.buffer.byteLength).toBe(4 << 16)
    } finally {
      setKernels(before)
    }
  })
})

describe('arena marks (a trainer serving many runs)', () => {
  it('release hands the memory after a mark back: the next run gets the same, zeroed, memory', async () => {
    const { getKernels, setKernels, allocF32, withScopedMemory } = await import('../../src/engine/kernels')
    const wk = createWasmKernels({ variant: 'simd', arenaBytes: 1 << 20 })!
    const before = getKernels()
    setKernels(wk)
    try {
      const kept = allocF32(100) // allocated before any run: stays
      kept.fill(7)
      const offsets: number[] = []
      for (let run = 0; run < 3; run++) {
        withScopedMemory(() => {
          const a = allocF32(1000)
          expect(a.every((x) => x === 0)).toBe(true)
          a.fill(run + 1)
          offsets.push(a.byteOffset)
        })
      }
      expect(new Set(offsets).size).toBe(1)
      expect(kept.every((x) => x === 7)).toBe(true)
      expect(() => withScopedMemory(() => { allocF32(10); throw new Error('run failed') })).toThrow('run failed')
      expect(allocF32(10).byteOffset).toBe(offsets[0]) // released on a throw too
      expect(() => wk.release(wk.mark() + 64)).toThrow(/not a mark/)
    } finally {
      setKernels(before)
    }
  })
})
