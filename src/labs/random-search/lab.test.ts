/** Lab 7's definition: fresh initial weights per trial (the book), the same ones with sameWeights. */
import { describe, expect, it } from 'vitest'
import { resolveRunParams } from '../../cli/args'
import { Network, Rng } from '../../engine'
import type { RunSpec } from '../../shared/schemas'
import { randomSearchLab as lab } from './lab'

const plan = (params: Record<string, unknown>) => lab.plan(lab.schema.parse(params))

describe('lab 7: initial weights per trial', () => {
  /** The first layer's initial weights as a trainer would build them from the trial's spec (same seed stream). */
  const firstWeights = (spec: RunSpec) => Array.from(new Network(spec.network, 784, 10, new Rng(spec.seed)).params()[0]!.value.subarray(0, 50))
  const small = { trials: 4, hidden: [{ width: 8, batchNorm: false, activation: 'relu', dropout: 0 }] }

  it('draws fresh initial weights for every trial by default (the book rebuilds its network per trial)', () => {
    const runs = plan(small)
    const weights = runs.map((r) => JSON.stringify(firstWeights(r.spec)))
    expect(new Set(weights).size).toBe(4)
    // Only the weights differ: split and mini-batches stay shared (one seed).
    expect(new Set(runs.map((r) => r.spec.seed)).size).toBe(1)
    // Reproducible: planning again gives the same trial weights.
    expect(plan(small).map((r) => JSON.stringify(firstWeights(r.spec)))).toEqual(weights)
  })

  it('gives every trial the same initial weights with sameWeights (the option), set from the CLI key too', () => {
    const params = resolveRunParams(lab, small, [['sameWeights', 'true']], undefined)
    const runs = lab.plan(lab.schema.parse(params))
    expect(new Set(runs.map((r) => JSON.stringify(firstWeights(r.spec)))).size).toBe(1)
    expect(runs.every((r) => r.spec.network.initSeed === undefined)).toBe(true)
    expect(() => resolveRunParams(lab, small, [['sameWeights', 'yes']], undefined)).toThrow(/sameWeights: 'yes' is not true or false/)
  })
})
