/**
 * The WebAssembly runtime as the kernels see it: the few JS API members used (typed locally: the
 * engine compiles both in the Node project, with no DOM lib where `WebAssembly` is not declared
 * as a value, and the web one), the embedded builds and which of them this runtime accepts.
 */
import { RELAXED_WASM_BASE64, SIMD_WASM_BASE64 } from './module.generated'

export type WasmVariant = 'simd' | 'relaxed-simd'

export interface WasmMemory {
  readonly buffer: ArrayBuffer
  grow(pages: number): number
}

export interface WasmApi {
  validate(bytes: Uint8Array): boolean
  Module: new (bytes: Uint8Array) => object
  Instance: new (module: object, imports: object) => { exports: unknown }
  Memory: new (desc: { initial: number; maximum?: number }) => WasmMemory
}

export const wasmApi = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly

function decodeBase64(s: string): Uint8Array {
  const bin = atob(s)
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

let simdBytes: Uint8Array | null = null
let relaxedBytes: Uint8Array | null = null

/** The embedded build of `variant` (decoded once). */
export function bytesOf(variant: WasmVariant): Uint8Array {
  if (variant === 'simd') return (simdBytes ??= decodeBase64(SIMD_WASM_BASE64))
  return (relaxedBytes ??= decodeBase64(RELAXED_WASM_BASE64))
}

/** Which builds this runtime accepts. */
export function wasmSupport(): { simd: boolean; relaxedSimd: boolean } {
  const api = wasmApi
  if (!api || typeof api.validate !== 'function') return { simd: false, relaxedSimd: false }
  try {
    const simd = api.validate(bytesOf('simd'))
    return { simd, relaxedSimd: simd && api.validate(bytesOf('relaxed-simd')) }
  } catch {
    return { simd: false, relaxedSimd: false }
  }
}
