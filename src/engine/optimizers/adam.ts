import type { Kernels } from '../kernels'
import { BaseOptimizer } from './base'
import { checkUnit, type OptimizerState, type Vec } from './types'

const EPS = 1e-7

/**
 * Adam (Kingma & Ba 2015, arXiv:1412.6980), the book's form: t += 1;
 * η_t = η·√(1−β2^t)/(1−β1^t); m += (1−β1)(g − m); v += (1−β2)(g² − v); W ← W − η_t·m/(√v + ε).
 */
export class Adam extends BaseOptimizer {
  readonly kind = 'adam' as const
  readonly beta1: number
  readonly beta2: number
  private t = 0
  private lrT = 0

  constructor(lr = 0.001, beta1 = 0.9, beta2 = 0.999) {
    super('adam', lr, ['m', 'v'])
    this.beta1 = checkUnit('adam', 'beta1', beta1)
    this.beta2 = checkUnit('adam', 'beta2', beta2)
  }

  protected override beforeUpdate(): void {
    this.t += 1
    this.lrT = (this.lr * Math.sqrt(1 - this.beta2 ** this.t)) / (1 - this.beta1 ** this.t)
  }

  protected override scalars(): OptimizerState {
    return { t: this.t, lrT: this.lrT }
  }

  protected kernel(k: Kernels, p: Float32Array, g: Float32Array, [m, v]: Float32Array[]): void {
    k.adam(p, g, m, v, p.length, this.lrT, 1 - this.beta1, 1 - this.beta2, EPS)
  }

  protected loop(p: Vec, g: Vec, [m, v]: Vec[]): void {
    const lrT = this.lrT
    const a1 = 1 - this.beta1
    const a2 = 1 - this.beta2
    for (let j = 0; j < p.length; j++) {
      const gj = g[j]
      m[j] += a1 * (gj - m[j])
      v[j] += a2 * (gj * gj - v[j])
      p[j] -= (lrT * m[j]) / (Math.sqrt(v[j]) + EPS)
    }
  }
}
