/** The active kernel backend (TypeScript by default; a WebAssembly one may be set at start-up). */
import { tsKernels } from './ts'
import type { Kernels } from './types'

export type { Kernels } from './types'
export { tsKernels } from './ts'

let active: Kernels = tsKernels

export function getKernels(): Kernels {
  return active
}

export function setKernels(k: Kernels): void {
  active = k
}

/**
 * A zeroed Float32Array for a buffer the kernels will see often (weights, gradients,
 * activations, optimizer state, data): in the active backend's own memory when it offers one
 * (no copy per kernel call), on the JavaScript heap otherwise. Set the kernels before building
 * networks and data.
 */
export function allocF32(length: number): Float32Array {
  return active.alloc?.(length) ?? new Float32Array(length)
}

/**
 * Runs `f` and hands back every kernel-memory buffer it allocated (allocF32) when it returns or
 * throws: for a trainer that serves many runs. Nothing allocated inside may be used afterwards.
 */
export function withScopedMemory<T>(f: () => T): T {
  const k = active
  const mark = k.mark?.()
  try {
    return f()
  } finally {
    if (mark !== undefined) k.release?.(mark)
  }
}
