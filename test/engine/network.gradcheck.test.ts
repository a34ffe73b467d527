/**
 * Whole-network gradient checks: numeric dL/dθ of Network.loss (mean cross-entropy + weight
 * decay) against Network.gradients() for every parameter. Float32 network, h = 1e-2 (see
 * gradcheck.ts); a perturbation here moves every sample's loss, so the float32 noise is a bit
 * larger than for single layers: atol 1e-4, rtol 3e-3. ReLU networks: a component whose
 * perturbation flips a unit on or off crossed a kink and is skipped (at most a third of any
 * parameter; the affected units are few).
 */
import { describe, expect, it } from 'vitest'
import { Network, Rng, type Matrix } from '../../src/engine'
import type { HiddenBlock, NetworkSpec } from '../../src/shared/schemas'
import { compareGradients, numericGradient, randomMatrix } from './gradcheck'

const H = 1e-2
const TOL = { atol: 1e-4, rtol: 3e-3 }
const TRAIN = { train: true }

function block(width: number, extra: Partial<HiddenBlock> = {}): HiddenBlock {
  return { width, batchNorm: false, activation: 'relu', dropout: 0, ...extra }
}

function spec(hidden: HiddenBlock[], extra: Partial<NetworkSpec> = {}): NetworkSpec {
  return { hidden, init: { kind: 'std', std: 0.5 }, weightDecay: 0, dropoutMode: 'book', bias: true, ...extra }
}

/** Which hidden units are exactly 0 (ReLU inactive): a change means a kink was crossed. */
function reluPattern(net: Network): string {
  let s = ''
  for (const a of net.hiddenActivations()) for (const v of a.data) s += v === 0 ? '0' : '1'
  return s
}

function checkNetwork(net: Network, x: Matrix, labels: Uint8Array) {
  const loss = () => net.loss(x, labels, TRAIN)
  loss()
  net.gradients()
  const analytic = net.params().map((p) => ({ name: p.name, grad: Float64Array.from(p.grad) }))
  const signature = () => reluPattern(net)
  return net.params().map((p, i) => ({ name: p.name, size: p.value.length, ...compareGradients(numericGradient(loss, p.value, H, signature), analytic[i].grad, TOL) }))
}

function expectAllClose(results: { name: string; size: number; skipped: number; score: number; maxAbsErr: number }[]) {
  if (process.env.GRADCHECK_LOG) console.log(results.map((r) => `${r.name}: score ${r.score.toFixed(3)}, max abs err ${r.maxAbsErr.toExponential(2)}, ${r.skipped} skipped`).join('\n'))
  for (const r of results) {
    expect({ name: r.name, ok: r.score <= 1, score: r.score }).toMatchObject({ name: r.name, ok: true })
    expect(r.skipped, `${r.name}: too many components at a ReLU kink`).toBeLessThanOrEqual(r.size / 3)
  }
}

/** Biases nudged off zero so ReLU pre-activations are not exactly at the kink. */
function jitterBiases(net: Network, rng: Rng) {
  for (const p of net.params()) if (p.name.startsWith('b') && !p.name.startsWith('beta')) rng.fillNormal(p.value, 0.3)
}

describe('network gradient checks', () => {
  it('3-layer ReLU network (two hidden blocks + output), all parameters', () => {
    const rng = new Rng(11)
    const net = new Network(spec([block(6), block(5)]), 4, 3, rng)
    jitterBiases(net, rng)
    const x = randomMatrix(5, 4, rng)
    const results = checkNetwork(net, x, Uint8Array.from([0, 1, 2, 1, 0]))
    expect(results.map((r) => r.name)).toEqual(['W1', 'b1', 'W2', 'b2', 'W3', 'b3'])
    expectAllClose(results)
  })

  it('sigmoid and tanh blocks', () => {
    const rng = new Rng(12)
    const net = new Network(spec([block(6, { activation: 'sigmoid' }), block(5, { activation: 'tanh' })]), 4, 3, rng)
    jitterBiases(net, rng)
    expectAllClose(checkNetwork(net, randomMatrix(5, 4, rng), Uint8Array.from([2, 1, 0, 1, 2])))
  })

  it('BatchNorm + weight decay + dropout (fixed masks), book and inverted dropout', () => {
    for (const dropoutMode of ['book', 'inverted'] as const) {
      const rng = new Rng(13)
      const hidden = [block(6, { batchNorm: true, dropout: 0.3 }), block(5, { batchNorm: true, activation: 'tanh', dropout: 0.2 })]
      const net = new Network(spec(hidden, { weightDecay: 0.1, dropoutMode }), 4, 3, rng)
      for (const p of net.params()) if (p.name.startsWith('gamma') || p.name.startsWith('beta')) rng.fillNormal(p.value, 0.3)
      for (const p of net.params()) if (p.name.startsWith('gamma')) for (let i = 0; i < p.value.length; i++) p.value[i] += 1
      const batch = 6
      net.blocks.forEach((b) => b.dropout?.setFixedMask(Uint8Array.from({ length: batch * b.affine.outSize }, () => (rng.uniform() > 0.3 ? 1 : 0))))
      const results = checkNetwork(net, randomMatrix(batch, 4, rng), Uint8Array.from([0, 1, 2, 0, 1, 2]))
      expect(results.map((r) => r.name)).toEqual(['W1', 'b1', 'gamma1', 'beta1', 'W2', 'b2', 'gamma2', 'beta2', 'W3', 'b3'])
      expectAllClose(results)
    }
  })

  it('weight decay adds 0.5·λ·Σ‖W‖² to the loss and λ·W to dW only (not biases, γ, β)', () => {
    const rng = new Rng(14)
    const hidden = [block(5, { batchNorm: true })]
    const plain = new Network(spec(hidden), 3, 2, new Rng(1))
    const decayed = new Network(spec(hidden, { weightDecay: 0.2 }), 3, 2, new Rng(1))
    const x = randomMatrix(4, 3, rng)
    const t = Uint8Array.from([0, 1, 1, 0])
    let sumSq = 0
    for (const p of plain.params()) if (p.name.startsWith('W')) for (const w of p.value) sumSq += w * w
    expect(decayed.loss(x, t, TRAIN) - plain.loss(x, t, TRAIN)).toBeCloseTo(0.5 * 0.2 * sumSq, 6)
    plain.gradients()
    decayed.gradients()
    plain.params().forEach((p, i) => {
      const q = decayed.params()[i]
      p.grad.forEach((g, j) => {
        const expected = p.name.startsWith('W') ? g + 0.2 * p.value[j] : g
        expect(q.grad[j]).toBeCloseTo(expected, 5)
      })
    })
  })
})
