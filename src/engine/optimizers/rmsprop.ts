import { getKernels } from '../kernels'
import { checkLr, checkPairs, checkUnit, copyOf, lazyState, type Optimizer, type OptimizerState, type Vec } from './types'

const EPS = 1e-7

/** RMSProp (Tieleman & Hinton 2012, Coursera lecture 6.5): h ← γ·h + (1−γ)·g⊙g; W ← W − η·g/(√h + ε). */
export class RMSProp implements Optimizer {
  readonly kind = 'rmsprop' as const
  readonly lr: number
  readonly decayRate: number
  private h: Vec[] | null = null

  constructor(lr = 0.01, decayRate = 0.99) {
    this.lr = checkLr('rmsprop', lr)
    this.decayRate = checkUnit('rmsprop', 'decayRate', decayRate)
  }

  update(params: Vec[], grads: Vec[]): void {
    checkPairs(this.kind, params, grads)
    const hs = (this.h = lazyState(this.h, params))
    const { lr, decayRate } = this
    const keep = 1 - decayRate
    const k = getKernels()
    for (let i = 0; i < params.length; i++) {
      const p = params[i]
      const g = grads[i]
      const h = hs[i]
      if (p instanceof Float32Array && g instanceof Float32Array && h instanceof Float32Array) {
        k.rmsprop(p, g, h, p.length, lr, decayRate, EPS)
        continue
      }
      for (let j = 0; j < p.length; j++) {
        h[j] *= decayRate
        h[j] += keep * g[j] * g[j]
        p[j] -= (lr * g[j]) / (Math.sqrt(h[j]) + EPS)
      }
    }
  }

  inspect(index: number): OptimizerState {
    return { h: copyOf(this.h, index) }
  }
}
