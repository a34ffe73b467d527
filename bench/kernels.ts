/**
 * Kernel speed at the MLP's shapes (784-100-100-100-100-10, batch 128): GFLOPS = 2·m·k·n / time.
 *  - dense: random operands without zeros, the pure arithmetic rate (what BLAS is judged on);
 *  - step data: the operands of a real training step (MNIST pixels ~80% zero, ReLU outputs
 *    ~40% zero); the WebAssembly kernels skip zero entries of A, so their *effective* rate there
 *    (same 2·m·k·n numerator) is higher than the arithmetic one.
 * The WebAssembly figures are for operands already in its memory; copying JS-heap operands in and
 * out (what an engine whose buffers live on the JS heap pays) is measured separately.
 */
import { tsKernels, type Kernels } from '../src/engine'
import type { WasmKernels } from '../src/engine/kernels/wasm'
import { bestOf } from './timing'

export type Op = 'matmul' | 'matmulTN' | 'matmulNT'

export interface Shape {
  op: Op
  m: number
  k: number
  n: number
  role: string
}

export const MLP_SHAPES: Shape[] = [
  { op: 'matmul', m: 128, k: 784, n: 100, role: 'forward x·W1' },
  { op: 'matmul', m: 128, k: 100, n: 100, role: 'forward h·W2..4' },
  { op: 'matmul', m: 128, k: 100, n: 10, role: 'forward h·W5' },
  { op: 'matmulTN', m: 784, k: 128, n: 100, role: 'dW1 = xᵀ·dout' },
  { op: 'matmulTN', m: 100, k: 128, n: 100, role: 'dW2..4 = hᵀ·dout' },
  { op: 'matmulTN', m: 100, k: 128, n: 10, role: 'dW5 = hᵀ·dout' },
  { op: 'matmulNT', m: 128, k: 100, n: 100, role: 'dx = dout·W3..4ᵀ' },
  { op: 'matmulNT', m: 128, k: 10, n: 100, role: 'dx = dout·W5ᵀ' },
]

export interface KernelRow extends Shape {
  ts: number
  wasm: number
  wasmRelaxed: number | null
  wasmStepData: number | null
  numpy64: number | null
  numpy32: number | null
}

/** Operand lengths of a product, whatever the op: A, B, C. */
export function sizes(s: Shape): [number, number, number] {
  return [s.m * s.k, s.k * s.n, s.m * s.n]
}

function random(len: number, seed: number): Float32Array {
  const a = new Float32Array(len)
  let x = seed >>> 0 || 1
  for (let i = 0; i < len; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    a[i] = ((x >>> 0) / 4294967296) * 2 - 1 || 0.5
  }
  return a
}

/** A copy of `src` in the kernels' own memory when they have one (so no copy per call), else src. */
export function inMemory(k: Kernels, src: Float32Array): Float32Array {
  const v = (k as Partial<WasmKernels>).alloc?.(src.length)
  if (!v) return src
  v.set(src)
  return v
}

/** GFLOPS of `k` on one product (best of several timed blocks). */
export function gflops(k: Kernels, s: Shape, a: Float32Array, b: Float32Array, c: Float32Array, budgetMs: number): number {
  const f = () => k[s.op](a, b, c, s.m, s.k, s.n, false)
  const ms = bestOf(f, budgetMs)
  return (2 * s.m * s.k * s.n) / ms / 1e6
}

export function denseOperands(s: Shape, seed: number): [Float32Array, Float32Array, Float32Array] {
  const [la, lb, lc] = sizes(s)
  return [random(la, seed), random(lb, seed + 1), new Float32Array(lc)]
}

export { tsKernels }
