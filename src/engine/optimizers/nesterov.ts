import type { Kernels } from '../kernels'
import { BaseOptimizer } from './base'
import { checkUnit, type Vec } from './types'

/**
 * Nesterov's accelerated gradient, the book's form (Bengio et al. 2012, arXiv:1212.0901).
 * Follows the book's code order: v ← α·v − η·g first, then W += α²·v (the NEW v) and
 * W −= (1+α)·η·g. LAB-SPEC lists the same three statements with the v update last; read with
 * v already updated, they are the book's code: W_new = W + α²·(α·v_old − η·g) − (1+α)·η·g.
 */
export class Nesterov extends BaseOptimizer {
  readonly kind = 'nesterov' as const
  readonly momentum: number

  constructor(lr = 0.01, momentum = 0.9) {
    super('nesterov', lr, ['v'])
    this.momentum = checkUnit('nesterov', 'momentum', momentum)
  }

  protected kernel(k: Kernels, p: Float32Array, g: Float32Array, [v]: Float32Array[]): void {
    k.nesterov(p, g, v, p.length, this.lr, this.momentum)
  }

  protected loop(p: Vec, g: Vec, [v]: Vec[]): void {
    const { lr, momentum } = this
    const mm = momentum * momentum
    const step = (1 + momentum) * lr
    for (let j = 0; j < p.length; j++) {
      v[j] *= momentum
      v[j] -= lr * g[j]
      p[j] += mm * v[j]
      p[j] -= step * g[j]
    }
  }
}
