import type { Kernels } from '../kernels'
import { BaseOptimizer } from './base'
import type { Vec } from './types'

const EPS = 1e-7

/** AdaGrad (Duchi, Hazan & Singer 2011, JMLR 12:2121): h ← h + g⊙g; W ← W − η·g/(√h + ε). */
export class AdaGrad extends BaseOptimizer {
  readonly kind = 'adagrad' as const

  constructor(lr = 0.01) {
    super('adagrad', lr, ['h'])
  }

  protected kernel(k: Kernels, p: Float32Array, g: Float32Array, [h]: Float32Array[]): void {
    k.adagrad(p, g, h, p.length, this.lr, EPS)
  }

  protected loop(p: Vec, g: Vec, [h]: Vec[]): void {
    const lr = this.lr
    for (let j = 0; j < p.length; j++) {
      h[j] += g[j] * g[j]
      p[j] -= (lr * g[j]) / (Math.sqrt(h[j]) + EPS)
    }
  }
}
