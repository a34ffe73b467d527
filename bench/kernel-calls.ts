/**
 * `npx tsx bench/kernel-calls.ts [simd|relaxed-simd]`: every kernel call of one real lab-2 step
 * (Adam, after 200 warm-up steps), replayed on its own operands placed in WebAssembly memory,
 * with its CPU time (process.cpuUsage, best of 5 blocks: steadier than wall time on a shared
 * machine). Shows which products cost what, and how sparse their A operands are.
 */
import v8 from 'node:v8'
import { join } from 'node:path'
import { Rng, prepareData } from '../src/engine'
import { createWasmKernels, type WasmVariant } from '../src/engine/kernels/wasm'
import { loadBuiltinMnist } from '../src/main/data/builtin'
import { inMemory } from './kernels'
import { captureStep, lab2Spec } from './step'

const variant = (process.argv[2] ?? 'simd') as WasmVariant
if (variant === 'relaxed-simd') v8.setFlagsFromString('--experimental-wasm-relaxed-simd')
const wk = createWasmKernels({ variant, arenaBytes: 192 << 20 })
if (!wk) throw new Error(`no WebAssembly ${variant} here`)
const raw = loadBuiltinMnist(join(__dirname, '..', 'resources', 'mnist-10k.bin'))
const data = prepareData(raw, lab2Spec('adam').data, new Rng(1).derive('data'))
const calls = captureStep(wk, data)

function cpuUs(f: () => void, reps: number): number {
  let best = Infinity
  for (let r = 0; r < 5; r++) {
    const t = process.cpuUsage()
    for (let i = 0; i < reps; i++) f()
    const u = process.cpuUsage(t)
    best = Math.min(best, (u.user + u.system) / reps)
  }
  return best
}

let total = 0
const byKey: Record<string, number> = {}
for (const { key, args } of calls) {
  const placed = args.map((a) => (a instanceof Float32Array ? inMemory(wk, a) : a))
  const fn = (wk as unknown as Record<string, (...a: unknown[]) => unknown>)[key]
  const f = () => fn(...placed)
  for (let i = 0; i < 30; i++) f()
  const us = cpuUs(f, 100)
  // restore the operands a call updates in place (optimizer state, accumulations)
  for (let i = 0; i < args.length; i++) if (args[i] instanceof Float32Array) (placed[i] as Float32Array).set(args[i] as Float32Array)
  total += us
  byKey[key] = (byKey[key] ?? 0) + us
  let what = ''
  if (key.startsWith('matmul')) {
    const [a, , , m, k, n] = args as [Float32Array, Float32Array, Float32Array, number, number, number]
    let nz = 0
    for (let i = 0; i < a.length; i++) if (a[i] !== 0) nz++
    what = `${m}×${k}×${n}  A ${((100 * nz) / a.length).toFixed(0)}% non-zero  ${((2 * m * k * n) / us / 1000).toFixed(1)} GFLOPS effective`
  } else {
    const len = args.find((a) => typeof a === 'number')
    what = `${len}`
  }
  console.log(`${us.toFixed(1).padStart(7)} µs  ${key.padEnd(12)} ${what}`)
}
console.log(`\n${total.toFixed(0)} µs of kernel CPU time per step (${calls.length} calls):`, Object.entries(byKey).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '))
