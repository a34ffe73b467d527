/** Typed access to the NumPy golden files (regenerate: python3 test/golden/make_golden.py). */
import { readFileSync } from 'node:fs'
import type { OptimizerSpec } from '../../src/shared/schemas'

function load<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../golden/${name}`, import.meta.url), 'utf8')) as T
}

export interface OptimizerGolden {
  trajectories: { initial: number[]; grads: number[][]; runs: { spec: OptimizerSpec; params: number[][] }[] }
  smoothing: { kaiser11: number[]; cases: { series: number[]; window: number; smoothed: number[] }[] }
  paths2d: { spec: OptimizerSpec; start: [number, number]; steps: number; points: [number, number][] }[]
}

export interface BatchNormGolden {
  N: number
  D: number
  gamma: number[]
  beta: number[]
  train: { x: number[][]; out: number[][]; runningMean: number[]; runningVar: number[] }[]
  backward: { dout: number[][]; dx: number[][]; dgamma: number[]; dbeta: number[] }
  inference: { x: number[][]; out: number[][] }
}

export const optimizerGolden = (): OptimizerGolden => load('optimizers.json')
export const batchNormGolden = (): BatchNormGolden => load('batchnorm.json')

/** max_i |a_i − b_i| / (atol + rtol·|b_i|) ≤ 1, with the index of the worst element in the message. */
export function expectAllClose(got: ArrayLike<number>, want: ArrayLike<number>, rtol: number, atol: number, what: string): void {
  if (got.length !== want.length) throw new Error(`${what}: length ${got.length}, want ${want.length}`)
  for (let i = 0; i < want.length; i++) {
    const err = Math.abs(got[i] - want[i])
    if (!(err <= atol + rtol * Math.abs(want[i]))) throw new Error(`${what}[${i}]: got ${got[i]}, want ${want[i]} (|err| ${err.toExponential(2)})`)
  }
}
