import { getKernels } from '../kernels'
import { checkLr, checkPairs, copyOf, lazyState, type Optimizer, type OptimizerState, type Vec } from './types'

const EPS = 1e-7

/** AdaGrad (Duchi, Hazan & Singer 2011, JMLR 12:2121): h ← h + g⊙g; W ← W − η·g/(√h + ε). */
export class AdaGrad implements Optimizer {
  readonly kind = 'adagrad' as const
  readonly lr: number
  private h: Vec[] | null = null

  constructor(lr = 0.01) {
    this.lr = checkLr('adagrad', lr)
  }

  update(params: Vec[], grads: Vec[]): void {
    checkPairs(this.kind, params, grads)
    const hs = (this.h = lazyState(this.h, params))
    const lr = this.lr
    const k = getKernels()
    for (let i = 0; i < params.length; i++) {
      const p = params[i]
      const g = grads[i]
      const h = hs[i]
      if (p instanceof Float32Array && g instanceof Float32Array && h instanceof Float32Array) {
        k.adagrad(p, g, h, p.length, lr, EPS)
        continue
      }
      for (let j = 0; j < p.length; j++) {
        h[j] += g[j] * g[j]
        p[j] -= (lr * g[j]) / (Math.sqrt(h[j]) + EPS)
      }
    }
  }

  inspect(index: number): OptimizerState {
    return { h: copyOf(this.h, index) }
  }
}
