/** Element-wise activations; each caches only what its backward needs. */
import { getKernels } from '../kernels'
import { BufferPool, Matrix } from '../matrix'
import type { ForwardContext, Layer, Param } from './types'

const NO_PARAMS: Param[] = []

/** ReLU: out = max(0, x); backward passes dout where x > 0 (the book's mask = x <= 0). */
export class Relu implements Layer {
  private out: Matrix | null = null
  private readonly pool = new BufferPool()

  forward(x: Matrix, _ctx?: ForwardContext): Matrix {
    const out = this.pool.get(0, x.rows, x.cols)
    const xd = x.data
    getKernels().relu(xd, out.data, xd.length)
    this.out = out
    return out
  }

  backward(dout: Matrix): Matrix {
    const out = this.out
    if (!out) throw new Error('Relu.backward called before forward')
    const dx = this.pool.get(1, dout.rows, dout.cols)
    getKernels().reluBackward(out.data, dout.data, dx.data, dout.data.length)
    return dx
  }

  params(): Param[] {
    return NO_PARAMS
  }
}

/** Sigmoid: out = 1/(1+e^(−x)); backward dout·(1−out)·out. */
export class Sigmoid implements Layer {
  private out: Matrix | null = null
  private readonly pool = new BufferPool()

  forward(x: Matrix, _ctx?: ForwardContext): Matrix {
    const out = this.pool.get(0, x.rows, x.cols)
    const xd = x.data
    const od = out.data
    for (let i = 0; i < xd.length; i++) od[i] = 1 / (1 + Math.exp(-xd[i]))
    this.out = out
    return out
  }

  backward(dout: Matrix): Matrix {
    const out = this.out
    if (!out) throw new Error('Sigmoid.backward called before forward')
    const dx = this.pool.get(1, dout.rows, dout.cols)
    const od = out.data
    const dd = dout.data
    const xd = dx.data
    for (let i = 0; i < dd.length; i++) xd[i] = dd[i] * (1 - od[i]) * od[i]
    return dx
  }

  params(): Param[] {
    return NO_PARAMS
  }
}

/** tanh: out = tanh(x); backward dout·(1−out²). */
export class Tanh implements Layer {
  private out: Matrix | null = null
  private readonly pool = new BufferPool()

  forward(x: Matrix, _ctx?: ForwardContext): Matrix {
    const out = this.pool.get(0, x.rows, x.cols)
    const xd = x.data
    const od = out.data
    for (let i = 0; i < xd.length; i++) od[i] = Math.tanh(xd[i])
    this.out = out
    return out
  }

  backward(dout: Matrix): Matrix {
    const out = this.out
    if (!out) throw new Error('Tanh.backward called before forward')
    const dx = this.pool.get(1, dout.rows, dout.cols)
    const od = out.data
    const dd = dout.data
    const xd = dx.data
    for (let i = 0; i < dd.length; i++) xd[i] = dd[i] * (1 - od[i] * od[i])
    return dx
  }

  params(): Param[] {
    return NO_PARAMS
  }
}
