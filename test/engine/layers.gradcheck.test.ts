/** Numeric gradient check of every layer (see gradcheck.ts for the tolerance reasoning). */
import { describe, expect, it } from 'vitest'
import { Affine, BatchNorm, Dropout, Relu, Rng, Sigmoid, SoftmaxWithLoss, Tanh, type Layer, Matrix } from '../../src/engine'
import { compareGradients, dotLoss, numericGradient, randomMatrix } from './gradcheck'

const H = 1e-2
const TOL = { atol: 1e-4, rtol: 1e-3 }
const TRAIN = { train: true }

/** Check dL/dx and dL/dparams of a layer for L = Σ forward(x) ⊙ R. */
function checkLayer(layer: Layer, x: Matrix, rng: Rng, setup: () => void = () => {}) {
  setup()
  const out0 = layer.forward(x, TRAIN)
  const r = randomMatrix(out0.rows, out0.cols, rng)
  const loss = () => {
    setup()
    return dotLoss(layer.forward(x, TRAIN), r)
  }
  loss()
  const dx = Float64Array.from(layer.backward(r).data)
  const analyticParams = layer.params().map((p) => Float64Array.from(p.grad))
  const results = [{ name: 'x', ...compareGradients(numericGradient(loss, x.data, H), dx, TOL) }]
  layer.params().forEach((p, i) => results.push({ name: p.name, ...compareGradients(numericGradient(loss, p.value, H), analyticParams[i], TOL) }))
  return results
}

function expectClose(results: { name: string; score: number; maxAbsErr: number }[]) {
  if (process.env.GRADCHECK_LOG) console.log(results.map((r) => `${r.name}: score ${r.score.toFixed(3)}, max abs err ${r.maxAbsErr.toExponential(2)}`).join(', '))
  for (const r of results) expect({ name: r.name, ok: r.score <= 1, score: r.score }).toMatchObject({ name: r.name, ok: true })
}

describe('layer gradient checks (central differences, h = 1e-2)', () => {
  it('Affine with bias', () => {
    const rng = new Rng(1)
    const layer = new Affine(5, 4)
    rng.fillNormal(layer.W, 0.5)
    rng.fillNormal(layer.b!, 0.5)
    expectClose(checkLayer(layer, randomMatrix(3, 5, rng), rng))
  })

  it('Affine without bias has only W', () => {
    const rng = new Rng(2)
    const layer = new Affine(4, 6, { bias: false })
    rng.fillNormal(layer.W, 0.5)
    expect(layer.params().map((p) => p.name)).toEqual(['W'])
    expectClose(checkLayer(layer, randomMatrix(5, 4, rng), rng))
  })

  it('ReLU (inputs kept away from the kink)', () => {
    const rng = new Rng(3)
    expectClose(checkLayer(new Relu(), randomMatrix(4, 6, rng, 1, 5 * H), rng))
  })

  it('Sigmoid', () => {
    const rng = new Rng(4)
    expectClose(checkLayer(new Sigmoid(), randomMatrix(4, 6, rng, 2), rng))
  })

  it('Tanh', () => {
    const rng = new Rng(5)
    expectClose(checkLayer(new Tanh(), randomMatrix(4, 6, rng, 1), rng))
  })

  it('BatchNorm in training mode, with non-trivial γ and β', () => {
    const rng = new Rng(6)
    const bn = new BatchNorm(5)
    for (let j = 0; j < 5; j++) {
      bn.gamma[j] = 0.5 + rng.uniform()
      bn.beta[j] = rng.normal()
    }
    expectClose(checkLayer(bn, randomMatrix(6, 5, rng, 2), rng))
  })

  it('Dropout with a fixed mask, book and inverted form', () => {
    for (const mode of ['book', 'inverted'] as const) {
      const rng = new Rng(7)
      const d = new Dropout(0.3, rng.derive('mask'), mode)
      const keep = Uint8Array.from({ length: 20 }, () => (rng.uniform() > 0.3 ? 1 : 0))
      d.setFixedMask(keep)
      expectClose(checkLayer(d, randomMatrix(4, 5, rng), rng))
    }
  })

  it('SoftmaxWithLoss (dL/dscores with the mean cross-entropy)', () => {
    const rng = new Rng(8)
    const s = new SoftmaxWithLoss()
    const scores = randomMatrix(5, 4, rng, 2)
    const labels = Uint8Array.from([0, 3, 1, 2, 3])
    const loss = () => s.forward(scores, labels)
    loss()
    const analytic = Float64Array.from(s.backward().data)
    const r = compareGradients(numericGradient(loss, scores.data, H), analytic, TOL)
    expect(r.score).toBeLessThanOrEqual(1)
  })

  it('the check catches a wrong backward (a sigmoid whose backward passes dout through)', () => {
    const rng = new Rng(9)
    const sigmoid = new Sigmoid()
    const broken: Layer = {
      forward: (m, ctx) => sigmoid.forward(m, ctx),
      backward: (dout) => dout, // wrong: forgets (1 − y)·y
      params: () => [],
    }
    const [res] = checkLayer(broken, randomMatrix(3, 4, rng, 2), rng)
    expect(res.score).toBeGreaterThan(100)
  })
})
