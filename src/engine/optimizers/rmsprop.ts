import type { Kernels } from '../kernels'
import { BaseOptimizer } from './base'
import { checkUnit, type Vec } from './types'

const EPS = 1e-7

/** RMSProp (Tieleman & Hinton 2012, Coursera lecture 6.5): h ← γ·h + (1−γ)·g⊙g; W ← W − η·g/(√h + ε). */
export class RMSProp extends BaseOptimizer {
  readonly kind = 'rmsprop' as const
  readonly decayRate: number

  constructor(lr = 0.01, decayRate = 0.99) {
    super('rmsprop', lr, ['h'])
    this.decayRate = checkUnit('rmsprop', 'decayRate', decayRate)
  }

  protected kernel(k: Kernels, p: Float32Array, g: Float32Array, [h]: Float32Array[]): void {
    k.rmsprop(p, g, h, p.length, this.lr, this.decayRate, EPS)
  }

  protected loop(p: Vec, g: Vec, [h]: Vec[]): void {
    const { lr, decayRate } = this
    const keep = 1 - decayRate
    for (let j = 0; j < p.length; j++) {
      h[j] *= decayRate
      h[j] += keep * g[j] * g[j]
      p[j] -= (lr * g[j]) / (Math.sqrt(h[j]) + EPS)
    }
  }
}
