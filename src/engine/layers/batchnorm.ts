/**
 * Batch normalization (Ioffe & Szegedy 2015, arXiv:1502.03167), the book's BatchNormalization:
 * per feature over the mini-batch, x̂ = (x − μ)/√(σ² + 1e-6), y = γ·x̂ + β, γ = 1, β = 0;
 * running mean/var with momentum 0.9 starting at 0, used when ctx.train is false.
 */
import { BufferPool, Matrix } from '../matrix'
import type { ForwardContext, Layer, Param } from './types'

const EPS = 1e-6 // the book's 10e-7

export class BatchNorm implements Layer {
  readonly size: number
  readonly momentum: number
  readonly gamma: Float32Array
  readonly beta: Float32Array
  readonly dgamma: Float32Array
  readonly dbeta: Float32Array
  readonly runningMean: Float32Array
  readonly runningVar: Float32Array
  private readonly pool = new BufferPool()
  private readonly std: Float64Array
  private readonly acc1: Float64Array
  private readonly acc2: Float64Array
  private readonly acc3: Float64Array
  private xc: Matrix | null = null
  private xn: Matrix | null = null

  constructor(size: number, momentum = 0.9) {
    this.size = size
    this.momentum = momentum
    this.gamma = new Float32Array(size).fill(1)
    this.beta = new Float32Array(size)
    this.dgamma = new Float32Array(size)
    this.dbeta = new Float32Array(size)
    this.runningMean = new Float32Array(size)
    this.runningVar = new Float32Array(size)
    this.std = new Float64Array(size)
    this.acc1 = new Float64Array(size)
    this.acc2 = new Float64Array(size)
    this.acc3 = new Float64Array(size)
  }

  forward(x: Matrix, ctx: ForwardContext): Matrix {
    const D = this.size
    if (x.cols !== D) throw new Error(`BatchNorm expects ${D} features, got ${x.cols}`)
    const N = x.rows
    const out = this.pool.get(0, N, D)
    const xd = x.data
    const od = out.data
    if (!ctx.train) {
      for (let j = 0; j < D; j++) this.acc1[j] = Math.sqrt(this.runningVar[j] + EPS)
      for (let i = 0; i < N; i++) {
        const r = i * D
        for (let j = 0; j < D; j++) od[r + j] = (this.gamma[j] * (xd[r + j] - this.runningMean[j])) / this.acc1[j] + this.beta[j]
      }
      return out
    }
    const mu = this.acc1
    const v = this.acc2
    mu.fill(0)
    v.fill(0)
    for (let i = 0; i < N; i++) for (let j = 0; j < D; j++) mu[j] += xd[i * D + j]
    for (let j = 0; j < D; j++) mu[j] /= N
    const xc = this.pool.get(1, N, D)
    const xn = this.pool.get(2, N, D)
    const cd = xc.data
    for (let i = 0; i < N; i++) {
      const r = i * D
      for (let j = 0; j < D; j++) {
        const c = xd[r + j] - mu[j]
        cd[r + j] = c
        v[j] += c * c
      }
    }
    const m = this.momentum
    for (let j = 0; j < D; j++) {
      v[j] /= N
      this.std[j] = Math.sqrt(v[j] + EPS)
      this.runningMean[j] = m * this.runningMean[j] + (1 - m) * mu[j]
      this.runningVar[j] = m * this.runningVar[j] + (1 - m) * v[j]
    }
    const nd = xn.data
    for (let i = 0; i < N; i++) {
      const r = i * D
      for (let j = 0; j < D; j++) {
        const n = cd[r + j] / this.std[j]
        nd[r + j] = n
        od[r + j] = this.gamma[j] * n + this.beta[j]
      }
    }
    this.xc = xc
    this.xn = xn
    return out
  }

  /** The book's backward, step by step (dxn, dxc, dstd, dvar, dmu). */
  backward(dout: Matrix): Matrix {
    const xc = this.xc
    const xn = this.xn
    if (!xc || !xn) throw new Error('BatchNorm.backward called before a training forward')
    const D = this.size
    const N = dout.rows
    const dd = dout.data
    const cd = xc.data
    const nd = xn.data
    const dbeta = this.acc1
    const dgamma = this.acc2
    const dstd = this.acc3
    dbeta.fill(0)
    dgamma.fill(0)
    dstd.fill(0)
    for (let i = 0; i < N; i++) {
      const r = i * D
      for (let j = 0; j < D; j++) {
        const g = dd[r + j]
        dbeta[j] += g
        dgamma[j] += nd[r + j] * g
        dstd[j] -= (this.gamma[j] * g * cd[r + j]) / (this.std[j] * this.std[j])
      }
    }
    for (let j = 0; j < D; j++) {
      this.dbeta[j] = dbeta[j]
      this.dgamma[j] = dgamma[j]
    }
    // dvar = 0.5·dstd/std; dxc = γ·dout/std + (2/N)·xc·dvar; dmu = Σ dxc; dx = dxc − dmu/N
    const dvar = dstd
    for (let j = 0; j < D; j++) dvar[j] = (0.5 * dstd[j]) / this.std[j]
    const dx = this.pool.get(3, N, D)
    const xd = dx.data
    const dmu = this.acc1
    dmu.fill(0)
    for (let i = 0; i < N; i++) {
      const r = i * D
      for (let j = 0; j < D; j++) {
        const dxc = (this.gamma[j] * dd[r + j]) / this.std[j] + (2 / N) * cd[r + j] * dvar[j]
        xd[r + j] = dxc
        dmu[j] += dxc
      }
    }
    for (let i = 0; i < N; i++) {
      const r = i * D
      for (let j = 0; j < D; j++) xd[r + j] -= dmu[j] / N
    }
    return dx
  }

  params(): Param[] {
    return [
      { name: 'gamma', value: this.gamma, grad: this.dgamma },
      { name: 'beta', value: this.beta, grad: this.dbeta },
    ]
  }
}
