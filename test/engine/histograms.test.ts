/** Lab 3: the book's weight_init_activation_histogram, and numpy.histogram semantics. */
import { describe, expect, it } from 'vitest'
import { activationHistograms, activationStats, histogram } from '../../src/engine'
import type { Activation, InitSpec } from '../../src/shared/schemas'

const run = (init: InitSpec, activation: Activation) => activationHistograms({ init, activation, seed: 1 })
const frac = (counts: number[], from: number, to: number) => counts.slice(from, to).reduce((a, b) => a + b, 0) / 100000

describe('histogram (numpy.histogram semantics)', () => {
  it('equal bins, last bin closed, values outside the range dropped and counted', () => {
    const h = histogram([0, 0.25, 0.5, 0.999, 1, 1.2, -0.1], 2, [0, 1])
    expect(h.edges).toEqual([0, 0.5, 1])
    expect(h.counts).toEqual([2, 3])
    expect(h.outside).toBe(2)
  })

  it('without a range uses the data range; a constant series gets ±0.5 like numpy', () => {
    expect(histogram([-1, 0, 3], 4).edges).toEqual([-1, 0, 1, 2, 3])
    expect(histogram([-1, 0, 3], 4).counts).toEqual([1, 1, 0, 1])
    const c = histogram([2, 2, 2], 2)
    expect(c.edges).toEqual([1.5, 2, 2.5])
    expect(c.counts).toEqual([0, 3])
  })
})

describe('activation histograms (the book’s experiment: 1000×100, 5 layers, no bias)', () => {
  it('shape: 5 layers, 30 bins over (0,1), 100,000 values each', () => {
    const layers = run({ kind: 'std', std: 1 }, 'sigmoid')
    expect(layers).toHaveLength(5)
    for (const l of layers) {
      expect(l.counts).toHaveLength(30)
      expect(l.edges[0]).toBe(0)
      expect(l.edges[30]).toBe(1)
      expect(l.counts.reduce((a, b) => a + b, 0) + l.outside).toBe(100000)
    }
  })

  it('std 1 + sigmoid piles at 0 and 1 (saturated)', () => {
    for (const l of run({ kind: 'std', std: 1 }, 'sigmoid')) {
      expect(frac(l.counts, 0, 3) + frac(l.counts, 27, 30)).toBeGreaterThan(0.5)
      expect(l.saturated).toBeGreaterThan(0.3)
    }
  })

  it('std 0.01 + sigmoid piles at 0.5 (no expressiveness)', () => {
    for (const l of run({ kind: 'std', std: 0.01 }, 'sigmoid')) {
      expect(frac(l.counts, 13, 17)).toBeGreaterThan(0.99) // bins [13/30, 17/30): 0.5 ± 0.067
      expect(l.std).toBeLessThan(0.03)
    }
  })

  it('Xavier + sigmoid spreads out: no pile-up, no saturation', () => {
    for (const l of run({ kind: 'xavier' }, 'sigmoid')) {
      expect(Math.max(...l.counts) / 100000).toBeLessThan(0.15)
      expect(l.saturated).toBeLessThan(0.01)
      expect(l.std).toBeGreaterThan(0.05)
    }
  })

  it('He + ReLU keeps the spread even across layers; std 0.01 + ReLU vanishes', () => {
    const he = run({ kind: 'he' }, 'relu')
    for (const l of he) expect(l.std / he[0].std).toBeGreaterThan(0.5)
    for (const l of he) expect(l.std / he[0].std).toBeLessThan(2)
    for (const l of he) expect(l.dead).toBeGreaterThan(0.4)
    const small = run({ kind: 'std', std: 0.01 }, 'relu')
    expect(small[4].std / small[0].std).toBeLessThan(1e-3)
  })

  it('tanh bins over the data range', () => {
    const layers = run({ kind: 'xavier' }, 'tanh')
    for (const l of layers) {
      expect(l.edges[0]).toBeLessThan(0)
      expect(l.edges[30]).toBeGreaterThan(0)
      expect(l.outside).toBe(0)
    }
  })

  it('zero init: every unit identical (sigmoid 0.5 everywhere)', () => {
    for (const l of run({ kind: 'zero' }, 'sigmoid')) {
      expect(l.mean).toBe(0.5)
      expect(l.std).toBe(0)
    }
  })

  it('same seed → same numbers; the input does not depend on the init', () => {
    expect(run({ kind: 'he' }, 'relu')).toEqual(run({ kind: 'he' }, 'relu'))
    const a = activationHistograms({ init: { kind: 'std', std: 1 }, activation: 'relu', seed: 1, layers: 1 })
    const b = activationHistograms({ init: { kind: 'std', std: 2 }, activation: 'relu', seed: 1, layers: 1 })
    expect(b[0].mean).toBeCloseTo(2 * a[0].mean, 5) // same input, same normal draws, scaled
  })

  it('activationStats: saturated and dead fractions', () => {
    expect(activationStats([0.001, 0.5, 0.995, 0.3], 'sigmoid')).toMatchObject({ saturated: 0.5, dead: 0 })
    expect(activationStats([0, 0, 1, 2], 'relu')).toMatchObject({ saturated: 0, dead: 0.5, mean: 0.75 })
    expect(activationStats([-0.999, 0.2], 'tanh')).toMatchObject({ saturated: 0.5 })
  })
})
