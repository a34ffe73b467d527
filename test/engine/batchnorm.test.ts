/**
 * BatchNorm against the book's BatchNormalization in NumPy (test/golden/batchnorm.json): outputs
 * and running statistics over 3 training batches, backward, inference with the running
 * statistics. Float32 storage: 2e-5 relative + 2e-6 absolute.
 */
import { describe, expect, it } from 'vitest'
import { BatchNorm, Matrix } from '../../src/engine'
import { batchNormGolden, expectAllClose } from './golden'

const g = batchNormGolden()
const RT = 2e-5
const AT = 2e-6
const m = (rows: number[][]) => Matrix.from(rows.length, rows[0].length, rows.flat())

describe('BatchNorm (book golden)', () => {
  it('training outputs, running mean/var, backward and inference output', () => {
    const bn = new BatchNorm(g.D)
    bn.gamma.set(g.gamma)
    bn.beta.set(g.beta)
    g.train.forEach((step, i) => {
      const out = bn.forward(m(step.x), { train: true })
      expectAllClose(out.data, step.out.flat(), RT, AT, `train ${i} out`)
      expectAllClose(bn.runningMean, step.runningMean, RT, AT, `train ${i} running mean`)
      expectAllClose(bn.runningVar, step.runningVar, RT, AT, `train ${i} running var`)
    })
    const dx = bn.backward(m(g.backward.dout))
    expectAllClose(dx.data, g.backward.dx.flat(), 1e-4, 1e-5, 'dx')
    expectAllClose(bn.dgamma, g.backward.dgamma, RT, AT, 'dgamma')
    expectAllClose(bn.dbeta, g.backward.dbeta, RT, AT, 'dbeta')
    const inf = bn.forward(m(g.inference.x), { train: false })
    expectAllClose(inf.data, g.inference.out.flat(), RT, AT, 'inference out')
  })

  it('starts with γ = 1, β = 0 and zero running statistics', () => {
    const bn = new BatchNorm(3)
    expect(Array.from(bn.gamma)).toEqual([1, 1, 1])
    expect(Array.from(bn.beta)).toEqual([0, 0, 0])
    expect(Array.from(bn.runningMean)).toEqual([0, 0, 0])
    expect(Array.from(bn.runningVar)).toEqual([0, 0, 0])
    // inference before any training: x / √(0 + 1e-6)
    const out = bn.forward(Matrix.from(1, 3, [1e-3, -2e-3, 0]), { train: false })
    expectAllClose(out.data, [1, -2, 0], 1e-5, 1e-6, 'untrained inference')
  })

  it('inference mode leaves the running statistics alone', () => {
    const bn = new BatchNorm(2)
    bn.forward(Matrix.from(2, 2, [1, 2, 3, 5]), { train: true })
    const before = [...bn.runningMean, ...bn.runningVar]
    bn.forward(Matrix.from(2, 2, [10, 20, 30, 50]), { train: false })
    expect([...bn.runningMean, ...bn.runningVar]).toEqual(before)
  })
})
