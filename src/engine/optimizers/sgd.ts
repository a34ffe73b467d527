import type { Kernels } from '../kernels'
import { BaseOptimizer } from './base'
import type { Vec } from './types'

/** Stochastic gradient descent (Robbins & Monro 1951): W ← W − η·g. */
export class SGD extends BaseOptimizer {
  readonly kind = 'sgd' as const

  constructor(lr = 0.01) {
    super('sgd', lr)
  }

  protected kernel(k: Kernels, p: Float32Array, g: Float32Array): void {
    k.axpy(p, g, p.length, -this.lr)
  }

  protected loop(p: Vec, g: Vec): void {
    const lr = this.lr
    for (let j = 0; j < p.length; j++) p[j] -= lr * g[j]
  }
}
