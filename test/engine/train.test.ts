/** The training loop: it learns, it is deterministic and paired, it batches metrics, it detects divergence. */
import { describe, expect, it } from 'vitest'
import { CancelledError, DivergenceError, Rng, Trainer, prepareData, train, type Prepared } from '../../src/engine'
import type { OptimizerSpec, RunSpec, SeriesChunk } from '../../src/shared/schemas'
import { syntheticDataset } from './synthetic'

const data: Prepared = prepareData(syntheticDataset(600, 200), { source: { kind: 'builtin-mnist' }, validationSplit: 0 }, new Rng(1))

function spec(extra: Partial<RunSpec> = {}): RunSpec {
  return {
    network: {
      hidden: [{ width: 16, batchNorm: false, activation: 'relu', dropout: 0 }],
      init: { kind: 'he' },
      weightDecay: 0,
      dropoutMode: 'book',
      bias: true,
    },
    optimizer: { kind: 'sgd', lr: 0.1 },
    data: { source: { kind: 'builtin-mnist' }, validationSplit: 0 },
    batchSize: 20,
    budget: { unit: 'iterations', count: 60 },
    sampling: 'replacement',
    recordLoss: true,
    seed: 7,
    divergenceFactor: 1e3,
    ...extra,
  }
}

/** Runs train() with a fake clock advancing `tick` ms per now() call; collects everything. */
function collect(s: RunSpec, d: Prepared = data, tick = 0) {
  let t = 0
  const calls: SeriesChunk[][] = []
  const progress: [number, number][] = []
  const final = train(s, d, { now: () => (t += tick), onChunks: (c) => calls.push(c), onProgress: (a, b) => progress.push([a, b]) })
  const series = (name: string) => {
    const steps: number[] = []
    const values: number[] = []
    for (const c of calls.flat().filter((x) => x.series === name)) {
      steps.push(...c.steps)
      values.push(...c.values)
    }
    return { steps, values }
  }
  return { final, calls, progress, series }
}

describe('train', () => {
  it('a tiny network learns a separable synthetic data set (test accuracy > 0.95)', () => {
    const r = collect(spec({ optimizer: { kind: 'adam', lr: 0.01, beta1: 0.9, beta2: 0.999 }, budget: { unit: 'iterations', count: 300 } }))
    expect(r.final.testAcc).toBeGreaterThan(0.95)
    expect(r.final.trainAcc).toBeGreaterThan(0.95)
    const loss = r.series('loss').values
    expect(loss).toHaveLength(300)
    expect(loss[0]).toBeGreaterThan(0.8) // ≈ ln 3 at the start
    expect(loss.slice(-10).reduce((a, b) => a + b) / 10).toBeLessThan(0.2)
    expect(r.final.loss).toBe(loss[299])
  })

  it('same seed → identical loss series; another seed → a different one', () => {
    const a = collect(spec()).series('loss').values
    const b = collect(spec()).series('loss').values
    const c = collect(spec({ seed: 8 })).series('loss').values
    expect(a).toEqual(b)
    expect(a).not.toEqual(c)
  })

  it('is deterministic with BatchNorm, dropout and shuffled sampling too', () => {
    const hidden = [{ width: 12, batchNorm: true, activation: 'tanh' as const, dropout: 0.3 }]
    const s = spec({ network: { ...spec().network, hidden }, sampling: 'shuffle' })
    expect(collect(s).series('loss').values).toEqual(collect(s).series('loss').values)
  })

  it('paired runs: a different optimizer, same seed → same initial weights and same mini-batches', () => {
    const opts: OptimizerSpec[] = [
      { kind: 'sgd', lr: 0.01 },
      { kind: 'adam', lr: 0.001, beta1: 0.9, beta2: 0.999 },
      { kind: 'momentum', lr: 0.01, momentum: 0.9 },
    ]
    const trainers = opts.map((optimizer) => new Trainer(spec({ optimizer }), data))
    const initial = trainers.map((t) => t.network.params().map((p) => Array.from(p.value)))
    expect(initial[1]).toEqual(initial[0])
    expect(initial[2]).toEqual(initial[0])
    for (let i = 0; i < 10; i++) {
      const batches = trainers.map((t) => (t.step(), Array.from(t.batchIndices)))
      expect(batches[1]).toEqual(batches[0])
      expect(batches[2]).toEqual(batches[0])
    }
    // ... while the weights themselves have moved apart
    expect(Array.from(trainers[1].network.params()[0].value)).not.toEqual(Array.from(trainers[0].network.params()[0].value))
  })

  it('paired runs: with and without BatchNorm start from the same weights', () => {
    const hiddenBN = [{ width: 16, batchNorm: true, activation: 'relu' as const, dropout: 0 }]
    const a = new Trainer(spec(), data)
    const b = new Trainer(spec({ network: { ...spec().network, hidden: hiddenBN } }), data)
    const w = (t: Trainer) => t.network.params().filter((p) => p.name.startsWith('W')).map((p) => Array.from(p.value))
    expect(w(b)).toEqual(w(a))
  })

  it('evaluates at 0, at the book’s epoch boundaries (float iter_per_epoch) and at the end', () => {
    const small = prepareData(syntheticDataset(250, 50), { source: { kind: 'builtin-mnist' }, validationSplit: 0 }, new Rng(1))
    const r = collect(spec({ batchSize: 100, budget: { unit: 'epochs', count: 3 } }), small)
    // iter_per_epoch = 2.5, max_iter = int(7.5) = 7, boundaries where i % 2.5 == 0: 0, 5; end: 7
    expect(r.series('trainAcc').steps).toEqual([0, 5, 7])
    expect(r.series('testAcc').steps).toEqual([0, 5, 7])
    expect(r.final.iterations).toBe(7)
    expect(r.final.epochs).toBeCloseTo(2.8, 12)
    const whole = collect(spec({ batchSize: 100, budget: { unit: 'epochs', count: 4 } }), prepareData(syntheticDataset(300, 50), { source: { kind: 'builtin-mnist' }, validationSplit: 0 }, new Rng(1)))
    expect(whole.series('testAcc').steps).toEqual([0, 3, 6, 9, 12])
    expect(whole.final.epochs).toBe(4)
  })

  it('evalEvery overrides the epochs; the loss is indexed by iteration', () => {
    const r = collect(spec({ evalEvery: 25 }))
    expect(r.series('trainAcc').steps).toEqual([0, 25, 50, 60])
    expect(r.series('loss').steps).toEqual(Array.from({ length: 60 }, (_, i) => i))
    expect(r.final.trainAcc).toBe(r.series('trainAcc').values.at(-1))
    expect(r.final.testAcc).toBe(r.series('testAcc').values.at(-1))
  })

  it('validation accuracy when part of the training set is held out', () => {
    const d = prepareData(syntheticDataset(300, 50), { source: { kind: 'builtin-mnist' }, validationSplit: 0.2 }, new Rng(1))
    const r = collect(spec({ evalEvery: 30 }), d)
    expect(r.series('valAcc').steps).toEqual([0, 30, 60])
    expect(r.final.valAcc).toBe(r.series('valAcc').values.at(-1))
    expect(collect(spec()).final.valAcc).toBeNull()
  })

  it('batches metrics: the first point at once, then one call when time stands still, a few when it moves; never one per iteration', () => {
    const still = collect(spec(), data, 0)
    expect(still.calls).toHaveLength(2)
    expect(still.calls[0]!.map((c) => [c.series, c.steps])).toEqual([['trainAcc', [0]], ['testAcc', [0]]])
    expect(still.progress).toEqual([[0, 60], [60, 60]])
    const moving = collect(spec(), data, 30) // ~4 iterations per 100 ms
    expect(moving.calls.length).toBeGreaterThan(5)
    expect(moving.calls.length).toBeLessThan(30)
    expect(moving.series('loss')).toEqual(still.series('loss'))
    expect(moving.progress.at(-1)).toEqual([60, 60])
    for (const [done] of moving.progress) expect(done).toBeLessThanOrEqual(60)
  })

  it('recordLoss: false sends no loss series but still reports the final loss', () => {
    const r = collect(spec({ recordLoss: false }))
    expect(r.series('loss').steps).toEqual([])
    expect(r.final.loss).toBeGreaterThan(0)
  })

  it('reports the elapsed time from hooks.now()', () => {
    expect(collect(spec(), data, 1).final.elapsedMs).toBeGreaterThan(60)
  })

  function diverge(s: RunSpec) {
    const calls: SeriesChunk[][] = []
    try {
      train(s, data, { now: () => 0, onChunks: (c) => calls.push(c), onProgress: () => {} })
    } catch (e) {
      const lossSteps = calls.flat().filter((c) => c.series === 'loss').flatMap((c) => c.steps)
      return { error: e, lossSteps }
    }
    throw new Error('training did not diverge')
  }

  it('detects a NaN loss (a deeper ReLU network with SGD η = 10), after sending what it has', () => {
    const hidden = [1, 2, 3].map(() => ({ width: 16, batchNorm: false, activation: 'relu' as const, dropout: 0 }))
    const { error, lossSteps } = diverge(spec({ network: { ...spec().network, hidden }, optimizer: { kind: 'sgd', lr: 10 }, budget: { unit: 'iterations', count: 200 } }))
    expect(error).toBeInstanceOf(DivergenceError)
    const d = error as DivergenceError
    expect(d.message).toMatch(/^Training diverged at iteration \d+: loss became NaN\. Is the learning rate \(sgd, lr 10\) too large\?/)
    expect(d.iteration).toBeGreaterThan(0)
    expect(lossSteps.at(-1)).toBe(d.iteration - 1) // the NaN itself is not a point of the curve
  })

  it('detects an exploding loss (> divergenceFactor × the first loss)', () => {
    // weight decay λ = 1 with η = 3: W ← −2W − 3g, so 0.5·λ·ΣW² grows ~4× per step
    const { error } = diverge(spec({ network: { ...spec().network, weightDecay: 1 }, optimizer: { kind: 'sgd', lr: 3 } }))
    expect(error).toBeInstanceOf(DivergenceError)
    const d = error as DivergenceError
    expect(d.message).toMatch(/stayed above 1000× the first loss/)
    expect(d.loss).toBeGreaterThan(1e3 * d.firstLoss)
  })

  it('the divergence factor is a setting, and a loss stuck near the cross-entropy cap counts as diverged', () => {
    // SGD with η = 1e4 drives the network to confident wrong answers: the loss sits near
    // −log(1e-7) ≈ 16 (finite), which the default factor (3× the first loss, 10 iterations) flags.
    const { error } = diverge(spec({ optimizer: { kind: 'sgd', lr: 1e4 }, divergenceFactor: 3 }))
    expect(error).toBeInstanceOf(DivergenceError)
    expect(Number.isFinite((error as DivergenceError).loss)).toBe(true)
    expect(collect(spec({ optimizer: { kind: 'sgd', lr: 1e4 }, divergenceFactor: 1e9 })).final.iterations).toBe(60)
  })

  it('stops with a CancelledError when shouldStop() says so', () => {
    let n = 0
    expect(() => train(spec(), data, { now: () => 0, onChunks: () => {}, onProgress: () => {}, shouldStop: () => ++n >= 10 })).toThrow(CancelledError)
  })
})

describe('train with stopOnDivergence: false', () => {
  it('trains on through a NaN loss as the book does, and says where it diverged', () => {
    const hidden = [1, 2, 3].map(() => ({ width: 16, batchNorm: false, activation: 'relu' as const, dropout: 0 }))
    const s = spec({ network: { ...spec().network, hidden }, optimizer: { kind: 'sgd', lr: 10 }, budget: { unit: 'iterations', count: 200 }, stopOnDivergence: false })
    const r = collect(s)
    expect(r.final.iterations).toBe(200)
    expect(r.final.divergedAt).toBeGreaterThanOrEqual(0)
    expect(r.final.loss).toBeNull()
    expect(r.series('loss').values.every(Number.isFinite)).toBe(true)
  })
})
