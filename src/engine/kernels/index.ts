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
