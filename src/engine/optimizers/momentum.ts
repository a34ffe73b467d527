import type { Kernels } from '../kernels'
import { BaseOptimizer } from './base'
import { checkUnit, type Vec } from './types'

/** Momentum SGD (Polyak 1964; Rumelhart et al. 1986): v ← α·v − η·g; W ← W + v. */
export class Momentum extends BaseOptimizer {
  readonly kind = 'momentum' as const
  readonly momentum: number

  constructor(lr = 0.01, momentum = 0.9) {
    super('momentum', lr, ['v'])
    this.momentum = checkUnit('momentum', 'momentum', momentum)
  }

  protected kernel(k: Kernels, p: Float32Array, g: Float32Array, [v]: Float32Array[]): void {
    k.momentum(p, g, v, p.length, this.lr, this.momentum)
  }

  protected loop(p: Vec, g: Vec, [v]: Vec[]): void {
    const { lr, momentum } = this
    for (let j = 0; j < p.length; j++) {
      v[j] = momentum * v[j] - lr * g[j]
      p[j] += v[j]
    }
  }
}
