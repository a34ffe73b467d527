/**
 * Optimizers against the book's classes run in NumPy (test/golden/optimizers.json): 20 updates
 * of a fixed vector with fixed gradients. Float64 parameters must match to 1e-12 relative
 * (only libm pow/sqrt rounding differs); float32 parameters to 2e-5 relative + 1e-6 absolute
 * (rounding every stored value to float32, over 20 steps).
 */
import { describe, expect, it } from 'vitest'
import { AdaGrad, Adam, Momentum, Nesterov, RMSProp, SGD, createOptimizer } from '../../src/engine'
import type { OptimizerSpec } from '../../src/shared/schemas'
import { expectAllClose, optimizerGolden } from './golden'

const golden = optimizerGolden()
const { initial, grads, runs } = golden.trajectories

function run(spec: OptimizerSpec, Arr: Float64ArrayConstructor | Float32ArrayConstructor): number[][] {
  const opt = createOptimizer(spec)
  const p = Arr.from(initial)
  const history: number[][] = []
  for (const g of grads) {
    opt.update([p], [Arr.from(g)])
    history.push(Array.from(p))
  }
  return history
}

describe('optimizers match the book (NumPy golden trajectories)', () => {
  it.each(runs.map((r) => [JSON.stringify(r.spec), r] as const))('%s in float64', (_label, r) => {
    run(r.spec, Float64Array).forEach((p, t) => expectAllClose(p, r.params[t], 1e-12, 1e-14, `step ${t + 1}`))
  })

  it.each(runs.map((r) => [JSON.stringify(r.spec), r] as const))('%s in float32', (_label, r) => {
    run(r.spec, Float32Array).forEach((p, t) => expectAllClose(p, r.params[t], 2e-5, 1e-6, `step ${t + 1}`))
  })

  it('covers all six optimizers', () => {
    expect(new Set(runs.map((r) => r.spec.kind))).toEqual(new Set(['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam']))
  })
})

describe('optimizer table, arguments and state', () => {
  it('createOptimizer picks the class by kind', () => {
    expect(createOptimizer({ kind: 'sgd', lr: 0.1 })).toBeInstanceOf(SGD)
    expect(createOptimizer({ kind: 'momentum', lr: 0.1, momentum: 0.9 })).toBeInstanceOf(Momentum)
    expect(createOptimizer({ kind: 'nesterov', lr: 0.1, momentum: 0.9 })).toBeInstanceOf(Nesterov)
    expect(createOptimizer({ kind: 'adagrad', lr: 0.1 })).toBeInstanceOf(AdaGrad)
    expect(createOptimizer({ kind: 'rmsprop', lr: 0.1, decayRate: 0.9 })).toBeInstanceOf(RMSProp)
    expect(createOptimizer({ kind: 'adam', lr: 0.1, beta1: 0.9, beta2: 0.999 })).toBeInstanceOf(Adam)
    expect(() => createOptimizer({ kind: 'lion' } as unknown as OptimizerSpec)).toThrow(/unknown optimizer 'lion'.*sgd/)
  })

  it('rejects bad hyperparameters up front with a clear message', () => {
    expect(() => new SGD(0)).toThrow(/sgd: learning rate lr must be a finite number > 0, got 0/)
    expect(() => new SGD(Number.NaN)).toThrow(/lr/)
    expect(() => new Momentum(0.01, 1)).toThrow(/momentum: momentum must be in \[0, 1\), got 1/)
    expect(() => new RMSProp(0.01, -0.1)).toThrow(/decayRate/)
    expect(() => new Adam(0.001, 0.9, 1.5)).toThrow(/beta2/)
  })

  it('rejects mismatched parameter and gradient lists', () => {
    const opt = new SGD(0.1)
    expect(() => opt.update([new Float32Array(2)], [])).toThrow(/1 parameters but 0 gradients/)
    expect(() => opt.update([new Float32Array(2)], [new Float32Array(3)])).toThrow(/has 2 values but its gradient has 3/)
  })

  it('creates state lazily, of the parameter type, and inspect() returns copies', () => {
    const adam = new Adam(0.1)
    expect(adam.inspect(0)).toEqual({ t: 0, lrT: 0, m: [], v: [] })
    const p = Float64Array.from([1, 2])
    adam.update([p], [Float64Array.from([0.5, -1])])
    const s = adam.inspect(0)
    expect(s.t).toBe(1)
    expect(s.m).toEqual([0.05, -0.1].map((x) => expect.closeTo(x, 12)))
    expect(s.v).toEqual([0.00025, 0.001].map((x) => expect.closeTo(x, 12)))
    expect(s.lrT).toBeCloseTo((0.1 * Math.sqrt(1 - 0.999)) / (1 - 0.9), 12)
    ;(s.m as number[])[0] = 99
    expect((adam.inspect(0).m as number[])[0]).toBeCloseTo(0.05, 12)
    const mom = new Momentum(0.1, 0.9)
    mom.update([p], [Float64Array.from([1, 1])])
    expect(mom.inspect(0)).toEqual({ v: [-0.1, -0.1].map((x) => expect.closeTo(x, 12)) })
    const ada = new AdaGrad(0.1)
    ada.update([p], [Float64Array.from([2, 0])])
    expect(ada.inspect(0)).toEqual({ h: [4, 0] })
    expect(new SGD(0.1).inspect(0)).toEqual({})
  })
})
