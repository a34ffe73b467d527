/** Affine: out = x·W + b with W of in×out (the book's layout). */
import { allocF32, getKernels } from '../kernels'
import { BufferPool, Matrix } from '../matrix'
import type { ForwardContext, Layer, Param } from './types'

export class Affine implements Layer {
  readonly inSize: number
  readonly outSize: number
  readonly W: Float32Array
  readonly dW: Float32Array
  /** Bias and its gradient; null when the layer has no bias. */
  readonly b: Float32Array | null
  readonly db: Float32Array | null
  private x: Matrix | null = null
  private readonly pool = new BufferPool()

  constructor(inSize: number, outSize: number, opts: { bias?: boolean } = {}) {
    this.inSize = inSize
    this.outSize = outSize
    this.W = allocF32(inSize * outSize)
    this.dW = allocF32(inSize * outSize)
    const bias = opts.bias ?? true
    this.b = bias ? allocF32(outSize) : null
    this.db = bias ? allocF32(outSize) : null
  }

  forward(x: Matrix, _ctx?: ForwardContext): Matrix {
    if (x.cols !== this.inSize) throw new Error(`Affine expects ${this.inSize} inputs per row, got ${x.cols}`)
    this.x = x
    const out = this.pool.get(0, x.rows, this.outSize)
    const k = getKernels()
    k.matmul(x.data, this.W, out.data, x.rows, this.inSize, this.outSize, false)
    if (this.b) k.addBias(out.data, this.b, x.rows, this.outSize)
    return out
  }

  /** dW = xᵀ·dout, db = Σ_rows dout. */
  backwardParams(dout: Matrix): void {
    const x = this.x
    if (!x) throw new Error('Affine.backward called before forward')
    const k = getKernels()
    k.matmulTN(x.data, dout.data, this.dW, this.inSize, x.rows, this.outSize, false)
    if (this.db) k.colSums(dout.data, this.db, dout.rows, this.outSize, false)
  }

  /** dx = dout·Wᵀ (skipped for the first layer, whose input needs no gradient). */
  backwardInput(dout: Matrix): Matrix {
    const dx = this.pool.get(1, dout.rows, this.inSize)
    getKernels().matmulNT(dout.data, this.W, dx.data, dout.rows, this.outSize, this.inSize, false)
    return dx
  }

  backward(dout: Matrix): Matrix {
    this.backwardParams(dout)
    return this.backwardInput(dout)
  }

  params(): Param[] {
    const list: Param[] = [{ name: 'W', value: this.W, grad: this.dW }]
    if (this.b && this.db) list.push({ name: 'b', value: this.b, grad: this.db })
    return list
  }
}
