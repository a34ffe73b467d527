import type { OptimizerName } from '../../shared/schemas'
import { allocF32 } from '../kernels'

/** Parameters may be float32 (networks) or float64 (the 2-D paths, as in the book). */
export type Vec = Float32Array | Float64Array

/** An optimizer's internal state for one parameter, for the step inspector (copies). */
export type OptimizerState = Record<string, number | number[]>

export interface Optimizer {
  readonly kind: OptimizerName
  /** Update every params[i] in place from grads[i]; state is created on the first call. */
  update(params: Vec[], grads: Vec[]): void
  /** The internal state (v, h, m/v, t) kept for params[index]; empty before the first update. */
  inspect(index: number): OptimizerState
}

export function zerosLike(p: Vec): Vec {
  return p instanceof Float64Array ? new Float64Array(p.length) : allocF32(p.length)
}

export function checkPairs(kind: string, params: Vec[], grads: Vec[]): void {
  if (params.length !== grads.length) throw new Error(`${kind}: ${params.length} parameters but ${grads.length} gradients`)
  for (let i = 0; i < params.length; i++) {
    if (params[i].length !== grads[i].length) {
      throw new Error(`${kind}: parameter ${i} has ${params[i].length} values but its gradient has ${grads[i].length}`)
    }
  }
}

export function checkLr(kind: string, lr: number): number {
  if (!(Number.isFinite(lr) && lr > 0)) throw new Error(`${kind}: learning rate lr must be a finite number > 0, got ${lr}`)
  return lr
}

export function checkUnit(kind: string, what: string, x: number): number {
  if (!(Number.isFinite(x) && x >= 0 && x < 1)) throw new Error(`${kind}: ${what} must be in [0, 1), got ${x}`)
  return x
}

export function copyOf(state: Vec[] | null, index: number): number[] {
  return state && state[index] ? Array.from(state[index]) : []
}
