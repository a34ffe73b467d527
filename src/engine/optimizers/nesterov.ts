import { getKernels } from '../kernels'
import { checkLr, checkPairs, checkUnit, copyOf, lazyState, type Optimizer, type OptimizerState, type Vec } from './types'

/**
 * Nesterov's accelerated gradient, the book's form (Bengio et al. 2012, arXiv:1212.0901).
 * Follows the book's code order: v ← α·v − η·g first, then W += α²·v (the NEW v) and
 * W −= (1+α)·η·g. LAB-SPEC lists the same three statements with the v update last; read with
 * v already updated, they are the book's code: W_new = W + α²·(α·v_old − η·g) − (1+α)·η·g.
 */
export class Nesterov implements Optimizer {
  readonly kind = 'nesterov' as const
  readonly lr: number
  readonly momentum: number
  private v: Vec[] | null = null

  constructor(lr = 0.01, momentum = 0.9) {
    this.lr = checkLr('nesterov', lr)
    this.momentum = checkUnit('nesterov', 'momentum', momentum)
  }

  update(params: Vec[], grads: Vec[]): void {
    checkPairs(this.kind, params, grads)
    const vs = (this.v = lazyState(this.v, params))
    const { lr, momentum } = this
    const mm = momentum * momentum
    const step = (1 + momentum) * lr
    const k = getKernels()
    for (let i = 0; i < params.length; i++) {
      const p = params[i]
      const g = grads[i]
      const v = vs[i]
      if (p instanceof Float32Array && g instanceof Float32Array && v instanceof Float32Array) {
        k.nesterov(p, g, v, p.length, lr, momentum)
        continue
      }
      for (let j = 0; j < p.length; j++) {
        v[j] *= momentum
        v[j] -= lr * g[j]
        p[j] += mm * v[j]
        p[j] -= step * g[j]
      }
    }
  }

  inspect(index: number): OptimizerState {
    return { v: copyOf(this.v, index) }
  }
}
