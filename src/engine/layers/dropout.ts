/**
 * Dropout (Srivastava et al. 2014, JMLR 15:1929). Book form (default): in training a unit is
 * kept when U(0,1) > ratio and out = x·mask; at inference out = x·(1 − ratio). Inverted form:
 * out = x·mask/(1 − ratio) in training, identity at inference. Backward: dout·mask (scaled
 * likewise). Masks come from the Rng given at construction; a fixed mask can be set for
 * gradient checks.
 */
import { BufferPool, Matrix } from '../matrix'
import type { Rng } from '../random'
import type { ForwardContext, Layer, Param } from './types'

export type DropoutMode = 'book' | 'inverted'

export class Dropout implements Layer {
  readonly ratio: number
  readonly mode: DropoutMode
  private readonly rng: Rng
  private readonly pool = new BufferPool()
  private mask: Float32Array | null = null
  private fixedKeep: Uint8Array | null = null

  constructor(ratio: number, rng: Rng, mode: DropoutMode = 'book') {
    if (!(ratio >= 0 && ratio < 1)) throw new Error(`dropout ratio must be in [0, 1), got ${ratio}`)
    this.ratio = ratio
    this.rng = rng
    this.mode = mode
  }

  /** Use these keep flags (1 = keep) instead of random draws; null goes back to random masks. */
  setFixedMask(keep: Uint8Array | null): void {
    this.fixedKeep = keep
  }

  forward(x: Matrix, ctx: ForwardContext): Matrix {
    const out = this.pool.get(0, x.rows, x.cols)
    const xd = x.data
    const od = out.data
    if (!ctx.train) {
      const scale = this.mode === 'book' ? 1 - this.ratio : 1
      for (let i = 0; i < xd.length; i++) od[i] = xd[i] * scale
      return out
    }
    const mask = this.pool.get(1, x.rows, x.cols).data
    const kept = this.mode === 'book' ? 1 : 1 / (1 - this.ratio)
    const fixed = this.fixedKeep
    if (fixed && fixed.length !== xd.length) throw new Error(`fixed dropout mask has ${fixed.length} values, input has ${xd.length}`)
    for (let i = 0; i < xd.length; i++) {
      const keep = fixed ? fixed[i] !== 0 : this.rng.uniform() > this.ratio
      const m = keep ? kept : 0
      mask[i] = m
      od[i] = xd[i] * m
    }
    this.mask = mask
    return out
  }

  backward(dout: Matrix): Matrix {
    const mask = this.mask
    if (!mask) throw new Error('Dropout.backward called before a training forward')
    const dx = this.pool.get(2, dout.rows, dout.cols)
    const dd = dout.data
    const xd = dx.data
    for (let i = 0; i < dd.length; i++) xd[i] = dd[i] * mask[i]
    return dx
  }

  params(): Param[] {
    return []
  }
}
