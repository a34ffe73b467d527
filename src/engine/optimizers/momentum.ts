import type { Kernels } from '../kernels'
import { BaseOptimizer } from './base'
import { checkUnit, type Vec } from './types'

/**
 * Momentum SGD (Polyak 1964; Rumelhart et al. 1986): v ← α·v − η·g; W ← W + v. Nesterov's
 * variant (./nesterov.ts) keeps the same state and hyperparameters and changes only the step.
 */
export class Momentum extends BaseOptimizer {
  readonly kind: 'momentum' | 'nesterov'
  readonly momentum: number

  constructor(lr = 0.01, momentum = 0.9, kind: 'momentum' | 'nesterov' = 'momentum') {
    super(kind, lr, ['v'])
    this.kind = kind
    this.momentum = checkUnit(kind, 'momentum', momentum)
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
