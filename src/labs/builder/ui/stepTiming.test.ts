/**
 * Lab 8's estimate times the kernels the trainer uses (WebAssembly SIMD, buffers in its memory),
 * not the TypeScript ones, and leaves the window's own kernels as they were. No timing is
 * asserted here (speed lives in `npm run bench`); only which kernels ran and that they ran.
 * Type-checked with the renderer (tsconfig.web.json), whose code it imports.
 */
import { describe, expect, it } from 'vitest'
import { getKernels, tsKernels } from '../../../engine'
import { epochMs, timeSteps } from './stepTiming'

const block = (width: number) => ({ width, batchNorm: false, activation: 'relu' as const, dropout: 0 })

describe("lab 8's time estimate", () => {
  it('times the WebAssembly SIMD kernels, as the trainer runs them, then restores the active kernels', () => {
    expect(getKernels()).toBe(tsKernels)
    const t = timeSteps({ hidden: [block(50), block(50)], dropoutMode: 'book', optimizer: { kind: 'adam', lr: 0.001, beta1: 0.9, beta2: 0.999 } }, 100)
    expect(t.kernels).toBe('wasm-simd')
    expect(t.stepMsPerRow).toBeGreaterThan(0)
    expect(t.forwardMsPerRow).toBeGreaterThan(0)
    expect(getKernels()).toBe(tsKernels)
    const e = epochMs(t, 100, { train: 1000, validation: 0, test: 0 })
    expect(e.iterations).toBe(10)
  })

  it('scales a network too large to time from a reference timed with the same kernels', () => {
    const t = timeSteps({ hidden: [block(4000), block(4000)], dropoutMode: 'book', optimizer: { kind: 'sgd', lr: 0.01 } }, 100)
    expect(t.kernels).toBe('wasm-simd')
    expect(getKernels()).toBe(tsKernels)
  })
})
