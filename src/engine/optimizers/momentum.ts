import { getKernels } from '../kernels'
import { checkLr, checkPairs, checkUnit, copyOf, lazyState, type Optimizer, type OptimizerState, type Vec } from './types'

/** Momentum SGD (Polyak 1964; Rumelhart et al. 1986): v ← α·v − η·g; W ← W + v. */
export class Momentum implements Optimizer {
  readonly kind = 'momentum' as const
  readonly lr: number
  readonly momentum: number
  private v: Vec[] | null = null

  constructor(lr = 0.01, momentum = 0.9) {
    this.lr = checkLr('momentum', lr)
    this.momentum = checkUnit('momentum', 'momentum', momentum)
  }

  update(params: Vec[], grads: Vec[]): void {
    checkPairs(this.kind, params, grads)
    const vs = (this.v = lazyState(this.v, params))
    const { lr, momentum } = this
    const k = getKernels()
    for (let i = 0; i < params.length; i++) {
      const p = params[i]
      const g = grads[i]
      const v = vs[i]
      if (p instanceof Float32Array && g instanceof Float32Array && v instanceof Float32Array) {
        k.momentum(p, g, v, p.length, lr, momentum)
        continue
      }
      for (let j = 0; j < p.length; j++) {
        v[j] = momentum * v[j] - lr * g[j]
        p[j] += v[j]
      }
    }
  }

  inspect(index: number): OptimizerState {
    return { v: copyOf(this.v, index) }
  }
}
