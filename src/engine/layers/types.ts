import type { Matrix } from '../matrix'

/** Training or inference: layers that behave differently (BatchNorm, Dropout) read this, never a name. */
export interface ForwardContext {
  train: boolean
}

/** One learnable array and its gradient (same length), named like the book's params dict. */
export interface Param {
  name: string
  value: Float32Array
  grad: Float32Array
}

/**
 * One layer: forward caches only what backward needs; backward(dout) fills the layer's
 * parameter gradients and returns dL/dx. Returned matrices are owned by the layer and reused
 * by the next call with the same batch size: copy them if you need to keep them.
 */
export interface Layer {
  forward(x: Matrix, ctx: ForwardContext): Matrix
  backward(dout: Matrix): Matrix
  /** Learnable parameters with local names ('W', 'b', 'gamma', 'beta'); empty if none. */
  params(): Param[]
}
