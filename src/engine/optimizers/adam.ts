import { getKernels } from '../kernels'
import { checkLr, checkPairs, checkUnit, copyOf, lazyState, type Optimizer, type OptimizerState, type Vec } from './types'

const EPS = 1e-7

/**
 * Adam (Kingma & Ba 2015, arXiv:1412.6980), the book's form: t += 1;
 * η_t = η·√(1−β2^t)/(1−β1^t); m += (1−β1)(g − m); v += (1−β2)(g² − v); W ← W − η_t·m/(√v + ε).
 */
export class Adam implements Optimizer {
  readonly kind = 'adam' as const
  readonly lr: number
  readonly beta1: number
  readonly beta2: number
  private t = 0
  private lrT = 0
  private m: Vec[] | null = null
  private v: Vec[] | null = null

  constructor(lr = 0.001, beta1 = 0.9, beta2 = 0.999) {
    this.lr = checkLr('adam', lr)
    this.beta1 = checkUnit('adam', 'beta1', beta1)
    this.beta2 = checkUnit('adam', 'beta2', beta2)
  }

  update(params: Vec[], grads: Vec[]): void {
    checkPairs(this.kind, params, grads)
    const ms = (this.m = lazyState(this.m, params))
    const vs = (this.v = lazyState(this.v, params))
    this.t += 1
    const lrT = (this.lr * Math.sqrt(1 - this.beta2 ** this.t)) / (1 - this.beta1 ** this.t)
    this.lrT = lrT
    const a1 = 1 - this.beta1
    const a2 = 1 - this.beta2
    const k = getKernels()
    for (let i = 0; i < params.length; i++) {
      const p = params[i]
      const g = grads[i]
      const m = ms[i]
      const v = vs[i]
      if (p instanceof Float32Array && g instanceof Float32Array && m instanceof Float32Array && v instanceof Float32Array) {
        k.adam(p, g, m, v, p.length, lrT, a1, a2, EPS)
        continue
      }
      for (let j = 0; j < p.length; j++) {
        const gj = g[j]
        m[j] += a1 * (gj - m[j])
        v[j] += a2 * (gj * gj - v[j])
        p[j] -= (lrT * m[j]) / (Math.sqrt(v[j]) + EPS)
      }
    }
  }

  inspect(index: number): OptimizerState {
    return { t: this.t, lrT: this.lrT, m: copyOf(this.m, index), v: copyOf(this.v, index) }
  }
}
