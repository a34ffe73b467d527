import { getKernels } from '../kernels'
import { checkLr, checkPairs, checkUnit, copyOf, lazyState, type Optimizer, type OptimizerState, type Vec } from './types'

/**
 * Nesterov's accelerated gradient, the book's form (Bengio et al. 2012, arXiv:1212.0901), as
 * fixed in the book's repository in 2021 (common/optimizer.py): step with the OLD v, then update
 * it: W += α²·v; W −= (1+α)·η·g; v ← α·v − η·g. Written with the new v the same step is
 * W += α·v_new − η·g (α·(α·v − η·g) − η·g = α²·v − (1+α)·η·g), which is what the loops and
 * the kernels compute: one pass, v first, like Momentum.
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
        const vOld = v[j]
        p[j] += momentum * momentum * vOld
        p[j] -= (1 + momentum) * lr * g[j]
        v[j] = momentum * vOld - lr * g[j]
      }
    }
  }

  inspect(index: number): OptimizerState {
    return { v: copyOf(this.v, index) }
  }
}
