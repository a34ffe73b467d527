/**
 * What the six optimizers share, like the activations' base class: the lr check, the
 * parameter/gradient checks, the per-parameter state arrays (created lazily, of the parameter's
 * type, in kernel memory when float32), the dispatch between the kernel (every operand float32)
 * and the plain loop (float64: the 2-D paths, as in the book), and inspect(). Each subclass keeps
 * only its update rule: one kernel call and one loop.
 */
import { getKernels, type Kernels } from '../kernels'
import type { OptimizerName } from '../../shared/schemas'
import { checkLr, checkPairs, copyOf, zerosLike, type Optimizer, type OptimizerState, type Vec } from './types'

export abstract class BaseOptimizer implements Optimizer {
  abstract readonly kind: OptimizerName
  readonly lr: number
  /** state[s][i]: state array number s (names in stateNames) for parameter i. */
  private state: Vec[][] | null = null
  /** slots[i]: parameter i's state arrays, in stateNames order (built once, no allocation per update). */
  private slots: Vec[][] = []

  /**
   * @param name the optimizer's name in error messages (its kind)
   * @param stateNames the per-parameter state it keeps ('v', 'h', 'm'…), as inspect() names them
   */
  protected constructor(
    name: OptimizerName,
    lr: number,
    private readonly stateNames: readonly string[] = [],
  ) {
    this.lr = checkLr(name, lr)
  }

  update(params: Vec[], grads: Vec[]): void {
    checkPairs(this.kind, params, grads)
    if (this.stateNames.length > 0 && (!this.state || this.state[0].length !== params.length)) {
      this.state = this.stateNames.map(() => params.map(zerosLike))
      this.slots = params.map((_, i) => this.state!.map((list) => list[i]))
    }
    this.beforeUpdate()
    const k = getKernels()
    for (let i = 0; i < params.length; i++) {
      const p = params[i]
      const g = grads[i]
      const s = this.slots[i] ?? NO_STATE
      if (p instanceof Float32Array && g instanceof Float32Array && allF32(s)) this.kernel(k, p, g, s as Float32Array[])
      else this.loop(p, g, s)
    }
  }

  inspect(index: number): OptimizerState {
    const out: OptimizerState = this.scalars()
    this.stateNames.forEach((name, s) => {
      out[name] = copyOf(this.state ? this.state[s] : null, index)
    })
    return out
  }

  /** Once per update, before the parameters (Adam: t += 1 and its bias-corrected rate). */
  protected beforeUpdate(): void {}

  /** Scalar state for inspect(), before the arrays (Adam: t, lrT). */
  protected scalars(): OptimizerState {
    return {}
  }

  /** The update of one float32 parameter through the kernels. */
  protected abstract kernel(k: Kernels, p: Float32Array, g: Float32Array, state: Float32Array[]): void

  /** The same update as a plain loop (float64 parameters). */
  protected abstract loop(p: Vec, g: Vec, state: Vec[]): void
}

const NO_STATE: Vec[] = []

function allF32(xs: Vec[]): boolean {
  for (const x of xs) if (!(x instanceof Float32Array)) return false
  return true
}
