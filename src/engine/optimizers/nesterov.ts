import type { Kernels } from '../kernels'
import { Momentum } from './momentum'
import type { Vec } from './types'

/**
 * Nesterov's accelerated gradient, the book's form (Bengio et al. 2012, arXiv:1212.0901), as
 * fixed in the book's repository in 2021 (common/optimizer.py): step with the OLD v, then update
 * it: W += α²·v; W −= (1+α)·η·g; v ← α·v − η·g. Written with the new v the same step is
 * W += α·v_new − η·g (α·(α·v − η·g) − η·g = α²·v − (1+α)·η·g), which is what the loops and
 * the kernels compute: one pass, v first, like Momentum, whose state and hyperparameters it keeps.
 */
export class Nesterov extends Momentum {
  constructor(lr = 0.01, momentum = 0.9) {
    super(lr, momentum, 'nesterov')
  }

  protected override kernel(k: Kernels, p: Float32Array, g: Float32Array, [v]: Float32Array[]): void {
    k.nesterov(p, g, v, p.length, this.lr, this.momentum)
  }

  protected override loop(p: Vec, g: Vec, [v]: Vec[]): void {
    const { lr, momentum } = this
    for (let j = 0; j < p.length; j++) {
      const vOld = v[j]
      p[j] += momentum * momentum * vOld
      p[j] -= (1 + momentum) * lr * g[j]
      v[j] = momentum * vOld - lr * g[j]
    }
  }
}
