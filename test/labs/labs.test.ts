/** Lab definitions: the book's defaults, paired plans, presets and CLI keys. */
import { describe, expect, it } from 'vitest'
import { resolveRunParams } from '../../src/cli/args'
import { PRESETS, getLab, type LabId } from '../../src/labs/registry'
import { BN_SCALES } from '../../src/labs/batchnorm/lab'
import { evenIndices, logspace } from '../../src/labs/common'
import type { RunLab } from '../../src/labs/types'
import { Network, Rng } from '../../src/engine'
import { RunSpecSchema, type RunSpec } from '../../src/shared/schemas'

const plan = (id: LabId, params: Record<string, unknown> = {}) => {
  const lab = getLab(id) as RunLab
  return lab.plan(lab.schema.parse(params))
}

describe('lab definitions', () => {
  it('every preset resolves to valid parameters, and every planned run spec is valid', () => {
    for (const preset of PRESETS) {
      const lab = getLab(preset.labId)!
      const params = lab.schema.parse(resolveRunParams(lab, preset.params, [], undefined))
      if (lab.kind === 'runs') for (const p of lab.plan(params)) expect(RunSpecSchema.safeParse(p.spec).success).toBe(true)
    }
  })

  it("lab 4 runs std 0.01, Xavier and He with SGD 0.01, batch 128, 2000 iterations, paired", () => {
    const runs = plan('init-mnist')
    expect(runs.map((r) => r.label)).toEqual(['std=0.01', 'Xavier', 'He'])
    expect(new Set(runs.map((r) => r.spec.seed)).size).toBe(1)
    expect(runs[0]!.spec).toMatchObject({ optimizer: { kind: 'sgd', lr: 0.01 }, batchSize: 128, budget: { unit: 'iterations', count: 2000 } })
  })

  it('lab 5 trains each of the 16 scales of logspace(0, -4, 16) with and without BN from the same seed', () => {
    expect(BN_SCALES[0]).toBe(1)
    expect(BN_SCALES[15]).toBeCloseTo(1e-4, 12)
    expect(BN_SCALES[5]).toBeCloseTo(10 ** (-4 / 3), 12)
    const runs = plan('batchnorm')
    expect(runs).toHaveLength(32)
    expect(runs[0]!.spec.network.hidden.every((b) => b.batchNorm)).toBe(true)
    expect(runs[1]!.spec.network.hidden.every((b) => !b.batchNorm)).toBe(true)
    expect(runs[0]!.spec.network.init).toEqual(runs[1]!.spec.network.init)
    expect(runs[0]!.spec).toMatchObject({ data: { trainSize: 1000 }, batchSize: 100, budget: { unit: 'epochs', count: 20 } })
    expect(plan('batchnorm', { scales: 4 }).map((r) => r.meta.scaleIndex)).toEqual([0, 0, 5, 5, 10, 10, 15, 15])
    expect(evenIndices(16, 1)).toEqual([0])
    expect(logspace(0, -4, 1)).toEqual([1])
  })

  it('lab 6 pairs no cure with λ = 0.1 (6×100, 201 epochs) or dropout 0.2 (7×100, 301 epochs) on 300 samples', () => {
    const wd = plan('overfit')
    expect(wd.map((r) => [r.spec.network.weightDecay, r.spec.network.hidden.length, r.spec.budget.count])).toEqual([
      [0, 6, 201],
      [0.1, 6, 201],
    ])
    expect(wd[0]!.spec.data.trainSize).toBe(300)
    const dropoutPreset = PRESETS.find((p) => p.name === 'overfit-dropout')!
    const dr = plan('overfit', dropoutPreset.params)
    expect(dr.map((r) => [r.spec.network.hidden[0]!.dropout, r.spec.network.hidden.length, r.spec.budget.count])).toEqual([
      [0, 7, 301],
      [0.2, 7, 301],
    ])
  })

  it('the instant labs compute the lesson outcome: histograms and paths', () => {
    const hist = getLab('init-histograms')!
    if (hist.kind !== 'instant') throw new Error('instant lab expected')
    const result = hist.compute(hist.schema.parse({ inits: [{ kind: 'std', std: 1 }, { kind: 'std', std: 0.01 }], activations: ['sigmoid'] })) as {
      cells: { initLabel: string; layers: { saturated: number; mean: number; std: number }[] }[]
    }
    const [std1, std001] = result.cells
    // std 1 + sigmoid piles at 0 and 1; std 0.01 + sigmoid piles at 0.5
    expect(std1!.layers.every((l) => l.saturated > 0.3)).toBe(true)
    expect(std001!.layers.every((l) => Math.abs(l.mean - 0.5) < 0.01 && l.std < 0.03)).toBe(true)
    const paths = getLab('paths-2d')!
    if (paths.kind !== 'instant') throw new Error('instant lab expected')
    const r = paths.compute(paths.schema.parse({})) as { paths: { optimizer: string; points: [number, number][] }[] }
    expect(r.paths.map((p) => p.optimizer)).toEqual(['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'])
    for (const p of r.paths) {
      expect(p.points[0]).toEqual([-7, 2])
      expect(p.points).toHaveLength(31)
      const [x, y] = p.points.at(-1)!
      expect(Math.hypot(x, y)).toBeLessThan(Math.hypot(-7, 2)) // every optimizer heads for the minimum
    }
  })

  it('CLI keys: scales, lambda, dropout, init and activation set what they say, bad values name the key', () => {
    const bn = getLab('batchnorm')!
    expect(resolveRunParams(bn, {}, [['scales', '4'], ['epochs', '3']], 9)).toMatchObject({ scales: 4, epochs: 3, seed: 9 })
    const of = getLab('overfit')!
    expect(resolveRunParams(of, {}, [['lambda', '0.05'], ['trainSize', '200']], undefined)).toMatchObject({ lambda: 0.05, trainSize: 200 })
    expect(() => resolveRunParams(of, {}, [['lambda', '-1']], undefined)).toThrow(/lambda: must be > 0/)
    const hist = getLab('init-histograms')!
    expect(resolveRunParams(hist, {}, [['init', 'he,std=0.5'], ['activation', 'tanh']], undefined)).toMatchObject({
      inits: [{ kind: 'he' }, { kind: 'std', std: 0.5 }],
      activations: ['tanh'],
    })
    expect(() => resolveRunParams(hist, {}, [['activation', 'gelu']], undefined)).toThrow(/activation: 'gelu' is not one of/)
    expect(() => resolveRunParams(hist, {}, [['init', 'glorot']], undefined)).toThrow(/init: 'glorot' is not an init/)
  })
})

describe('lab 7: initial weights per trial', () => {
  /** The first layer's initial weights as a trainer would build them from the trial's spec (same seed stream). */
  const firstWeights = (spec: RunSpec) => Array.from(new Network(spec.network, 784, 10, new Rng(spec.seed)).params()[0]!.value.subarray(0, 50))
  const small = { trials: 4, hidden: [{ width: 8, batchNorm: false, activation: 'relu', dropout: 0 }] }

  it('draws fresh initial weights for every trial by default (the book rebuilds its network per trial)', () => {
    const runs = plan('random-search', small)
    const weights = runs.map((r) => JSON.stringify(firstWeights(r.spec)))
    expect(new Set(weights).size).toBe(4)
    // Only the weights differ: split and mini-batches stay shared (one seed).
    expect(new Set(runs.map((r) => r.spec.seed)).size).toBe(1)
    // Reproducible: planning again gives the same trial weights.
    expect(plan('random-search', small).map((r) => JSON.stringify(firstWeights(r.spec)))).toEqual(weights)
  })

  it('gives every trial the same initial weights with sameWeights (the option), set from the CLI key too', () => {
    const lab = getLab('random-search')!
    const params = resolveRunParams(lab, small, [['sameWeights', 'true']], undefined)
    const runs = (lab as RunLab).plan(lab.schema.parse(params))
    expect(new Set(runs.map((r) => JSON.stringify(firstWeights(r.spec)))).size).toBe(1)
    expect(runs.every((r) => r.spec.network.initSeed === undefined)).toBe(true)
    expect(() => resolveRunParams(lab, small, [['sameWeights', 'yes']], undefined)).toThrow(/sameWeights: 'yes' is not true or false/)
  })
})

describe('the accuracy interval fits in the run', () => {
  it.each(['optimizers-mnist', 'init-mnist'] as const)('%s refuses evalEvery beyond iterations, naming the field and both numbers', (id) => {
    const lab = getLab(id)!
    const bad = lab.schema.safeParse({ iterations: 300, evalEvery: 500 })
    expect(bad.success).toBe(false)
    const issue = bad.error!.issues[0]!
    expect(issue.path).toEqual(['evalEvery'])
    expect(issue.message).toMatch(/evalEvery \(500\) exceeds the run's length \(300 iterations\)/)
    expect(lab.schema.safeParse({ iterations: 300, evalEvery: 300 }).success).toBe(true)
  })

  it('the builder checks it for an iteration budget and for epochs over a known train size', () => {
    const lab = getLab('builder')!
    expect(lab.schema.safeParse({ budget: { unit: 'iterations', count: 50 }, evalEvery: 51 }).success).toBe(false)
    // 1000 samples, 20 % held out, batch 100: 8 iterations per epoch, 2 epochs = 16.
    expect(lab.schema.safeParse({ budget: { unit: 'epochs', count: 2 }, trainSize: 1000, validationSplit: 0.2, evalEvery: 17 }).success).toBe(false)
    expect(lab.schema.safeParse({ budget: { unit: 'epochs', count: 2 }, trainSize: 1000, validationSplit: 0.2, evalEvery: 16 }).success).toBe(true)
  })

  it('the CLI refuses it with the key named', () => {
    const lab = getLab('optimizers-mnist')!
    expect(lab.schema.safeParse(resolveRunParams(lab, {}, [['iterations', '100']], undefined)).success).toBe(false)
  })
})
