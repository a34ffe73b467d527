/** Element-wise activations; each caches only what its backward needs. */
import { getKernels } from '../kernels'
import { BufferPool, Matrix } from '../matrix'
import type { ForwardContext, Layer, Param } from './types'

const NO_PARAMS: Param[] = []

/**
 * What the three activations share: each caches its output (all its backward needs), reuses two
 * buffers, and has no parameters. Subclasses supply only the element-wise loops.
 */
abstract class OutputActivation implements Layer {
  private out: Matrix | null = null
  private readonly pool = new BufferPool()

  /** out[i] = f(x[i]) */
  protected abstract apply(x: Float32Array, out: Float32Array): void
  /** dx[i] = dout[i] · f'(x[i]), written from the cached output */
  protected abstract derive(out: Float32Array, dout: Float32Array, dx: Float32Array): void

  forward(x: Matrix, _ctx?: ForwardContext): Matrix {
    const out = this.pool.get(0, x.rows, x.cols)
    this.apply(x.data, out.data)
    this.out = out
    return out
  }

  backward(dout: Matrix): Matrix {
    const out = this.out
    if (!out) throw new Error(`${this.constructor.name}.backward called before forward`)
    const dx = this.pool.get(1, dout.rows, dout.cols)
    this.derive(out.data, dout.data, dx.data)
    return dx
  }

  params(): Param[] {
    return NO_PARAMS
  }
}

/** ReLU: out = max(0, x); backward passes dout where x > 0 (the book's mask = x <= 0). */
export class Relu extends OutputActivation {
  protected apply(x: Float32Array, out: Float32Array): void {
    getKernels().relu(x, out, x.length)
  }

  protected derive(out: Float32Array, dout: Float32Array, dx: Float32Array): void {
    getKernels().reluBackward(out, dout, dx, dout.length)
  }
}

/** Sigmoid: out = 1/(1+e^(−x)); backward dout·(1−out)·out. */
export class Sigmoid extends OutputActivation {
  protected apply(x: Float32Array, out: Float32Array): void {
    for (let i = 0; i < x.length; i++) out[i] = 1 / (1 + Math.exp(-x[i]))
  }

  protected derive(out: Float32Array, dout: Float32Array, dx: Float32Array): void {
    for (let i = 0; i < dout.length; i++) dx[i] = dout[i] * (1 - out[i]) * out[i]
  }
}

/** tanh: out = tanh(x); backward dout·(1−out²). */
export class Tanh extends OutputActivation {
  protected apply(x: Float32Array, out: Float32Array): void {
    for (let i = 0; i < x.length; i++) out[i] = Math.tanh(x[i])
  }

  protected derive(out: Float32Array, dout: Float32Array, dx: Float32Array): void {
    for (let i = 0; i < dout.length; i++) dx[i] = dout[i] * (1 - out[i] * out[i])
  }
}
