import { getKernels } from '../kernels'
import { checkLr, checkPairs, type Optimizer, type OptimizerState, type Vec } from './types'

/** Stochastic gradient descent (Robbins & Monro 1951): W ← W − η·g. */
export class SGD implements Optimizer {
  readonly kind = 'sgd' as const
  readonly lr: number

  constructor(lr = 0.01) {
    this.lr = checkLr('sgd', lr)
  }

  update(params: Vec[], grads: Vec[]): void {
    checkPairs(this.kind, params, grads)
    const lr = this.lr
    const k = getKernels()
    for (let i = 0; i < params.length; i++) {
      const p = params[i]
      const g = grads[i]
      if (p instanceof Float32Array && g instanceof Float32Array) k.axpy(p, g, p.length, -lr)
      else for (let j = 0; j < p.length; j++) p[j] -= lr * g[j]
    }
  }

  inspect(_index: number): OptimizerState {
    return {}
  }
}
