/**
 * Issue 12: the inside statistics against NumPy golden numbers on the same arrays, and the
 * recorder in a real training loop (synthetic digits): frames exactly at the evaluation points,
 * counts that add up, a confusion matrix whose trace is testAcc × n, tiles that decode to W.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { Rng, Trainer, prepareData, train } from '../../src/engine'
import { ACTIVATION_BINS, InsideRecorder, PRE_ACTIVATION_BINS, clampedHistogram, deadFraction, diffNorm, moments, norm, saturatedFraction, softmaxRows, argmaxRow, weightBins, weightSummary } from '../../src/engine/inside'
import { DIGIT_SAMPLE, PROBE_SIZE, InsideFrameSchema, base64ToBytes, bytesToBase64, type InsideFrame } from '../../src/shared/inside'
import { RunSpecSchema, type RunSpecInput } from '../../src/shared/schemas'
import { expectAllClose } from './golden'
import { syntheticDataset } from './synthetic'

interface ActCase { kind: 'relu' | 'sigmoid' | 'tanh'; rows: number; units: number; pre: number[]; act: number[]; preHist: number[]; actHist: number[]; mean: number; std: number; dead?: number; saturated?: number }
const golden = JSON.parse(readFileSync(new URL('../golden/inside.json', import.meta.url), 'utf8')) as {
  activations: ActCase[]
  weights: { W: number[]; Wprev: number[]; dW: number[]; range: number; hist: number[]; gradNorm: number; updateRatio: number }
  softmax: { rows: number; cols: number; scores: number[]; probs: number[]; predicted: number[]; probHist: number[] }
}

describe('inside statistics against NumPy', () => {
  for (const c of golden.activations) {
    it(`${c.kind}: fixed-bin histograms, mean, std, dead/saturated`, () => {
      const act = Float32Array.from(c.act)
      const pre = Float32Array.from(c.pre)
      expect(clampedHistogram(act, ACTIVATION_BINS[c.kind]).counts).toEqual(c.actHist)
      expect(clampedHistogram(pre, PRE_ACTIVATION_BINS[c.kind]).counts).toEqual(c.preHist)
      expect(c.actHist.reduce((a, b) => a + b, 0)).toBe(c.rows * c.units)
      const m = moments(act)
      expectAllClose([m.mean, m.std], [c.mean, c.std], 1e-12, 1e-15, `${c.kind} moments`)
      if (c.dead !== undefined) expect(deadFraction(act, c.rows, c.units)).toBe(c.dead)
      if (c.saturated !== undefined) expect(saturatedFraction(act, c.kind as 'sigmoid' | 'tanh')).toBeCloseTo(c.saturated, 14)
    })
  }

  it('weights: histogram over ±2·max|W₀|, ‖dW‖ and ‖ΔW‖/‖W‖', () => {
    const w = golden.weights
    const Wprev = Float32Array.from(w.Wprev)
    const W = Float32Array.from(w.W)
    let maxAbs = 0
    for (const v of Wprev) maxAbs = Math.max(maxAbs, Math.abs(v))
    const spec = weightBins(maxAbs)
    expect(spec.hi).toBeCloseTo(w.range, 12)
    expect(clampedHistogram(W, spec).counts).toEqual(w.hist)
    expectAllClose([norm(Float32Array.from(w.dW)), diffNorm(W, Wprev) / norm(Wprev)], [w.gradNorm, w.updateRatio], 1e-12, 1e-15, 'norms')
    // the recorder's one-pass version gives the same numbers
    const one = weightSummary(W, Wprev, spec)
    expect(one.counts).toEqual(w.hist)
    expectAllClose([one.diffNorm / one.prevNorm], [w.updateRatio], 1e-12, 1e-15, 'one pass')
  })

  it('softmax probabilities and predicted classes', () => {
    const s = golden.softmax
    const probs = new Float64Array(s.rows * s.cols)
    softmaxRows(Float32Array.from(s.scores), s.rows, s.cols, probs)
    expectAllClose(probs, s.probs, 1e-12, 1e-15, 'softmax')
    expect(Array.from({ length: s.rows }, (_, i) => argmaxRow(Float32Array.from(s.scores), i, s.cols))).toEqual(s.predicted)
    expect(clampedHistogram(probs, ACTIVATION_BINS.softmax).counts).toEqual(s.probHist)
  })

  it('NaN and ±∞ are left out and counted', () => {
    const m = moments([1, NaN, 3, Infinity])
    expect(m).toEqual({ mean: 2, std: 1, nonFinite: 2 })
    expect(clampedHistogram([NaN, -5, 0.5, 9], { lo: 0, hi: 1, bins: 2 }).counts).toEqual([1, 2])
  })

  it('base64 round-trips bytes of every length', () => {
    for (const n of [0, 1, 2, 3, 4, 100]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) % 256)
      const text = bytesToBase64(bytes)
      expect(text).toBe(Buffer.from(bytes).toString('base64'))
      expect(base64ToBytes(text)).toEqual(bytes)
    }
  })
})

// 2 classes: 4×4 synthetic images, so the first layer's weights tile as 4×4 images.
const data = () => prepareData(syntheticDataset(400, 150, 2), { source: { kind: 'builtin-mnist' }, validationSplit: 0 }, new Rng(5).derive('data'))
const spec = (extra: Partial<RunSpecInput> = {}) =>
  RunSpecSchema.parse({
    network: { hidden: [{ width: 12 }, { width: 9, activation: 'tanh' }, { width: 7, activation: 'sigmoid', batchNorm: true }], init: { kind: 'he' } },
    optimizer: { kind: 'sgd', lr: 0.1 },
    batchSize: 20,
    budget: { unit: 'iterations', count: 23 },
    evalEvery: 10,
    seed: 3,
    ...extra,
  })
const hooks = (frames: InsideFrame[], digits: unknown[] = []) => ({
  now: () => 0,
  onChunks: () => {},
  onProgress: () => {},
  onInside: (f: InsideFrame, d: unknown) => {
    frames.push(f)
    if (d) digits.push(d)
  },
})

describe('InsideRecorder in the training loop', () => {
  it('records at iteration 0 and exactly at the evaluation points, with counts that add up', () => {
    const frames: InsideFrame[] = []
    const digits: { labels: number[]; indices: number[] }[] = []
    const d = data()
    const final = train(spec(), d, hooks(frames, digits as unknown[]))
    expect(frames.map((f) => f.step)).toEqual([0, 10, 20, 23])
    expect(digits).toHaveLength(1)
    expect(digits[0]!.labels).toEqual(digits[0]!.indices.map((i) => d.testY[i]))
    const probe = Math.min(PROBE_SIZE, d.testX.rows)
    for (const f of frames) {
      expect(InsideFrameSchema.safeParse(f).success).toBe(true)
      expect(f.layers.map((l) => l.kind)).toEqual(['relu', 'tanh', 'sigmoid', 'softmax'])
      const widths = [12, 9, 7, 2]
      f.layers.forEach((l, i) => {
        const sum = (c: number[]) => c.reduce((a, b) => a + b, 0)
        expect(sum(l.activations.counts)).toBe(probe * widths[i]!)
        if (l.preActivations) expect(sum(l.preActivations.counts)).toBe(probe * widths[i]!)
        expect(sum(l.weights!.counts)).toBe((i === 0 ? 16 : widths[i - 1]!) * widths[i]!)
        expect(l.gradNorm === undefined).toBe(f.step === 0)
        expect(l.updateRatio === undefined).toBe(f.step === 0)
      })
      expect(f.layers[0]!.dead).toBeDefined()
      expect(f.layers[1]!.saturated).toBeDefined()
      expect(f.predictions!.predicted).toHaveLength(Math.min(DIGIT_SAMPLE, probe))
      expect(f.tiles!.units).toBe(12)
    }
    const m = final.confusion!
    const trace = m.reduce((s, row, i) => s + row[i]!, 0)
    const n = m.flat().reduce((a, b) => a + b, 0)
    expect(n).toBe(d.testX.rows)
    expect(trace).toBe(Math.round(final.testAcc! * n))
    expect(trace / n).toBe(final.testAcc)
    m.forEach((row, t) => expect(row.reduce((a, b) => a + b, 0)).toBe(d.testY.filter((y) => y === t).length))
  })

  it('does not change the training: the same numbers with snapshots on and off (and none recorded when off)', () => {
    const on: InsideFrame[] = []
    const off: InsideFrame[] = []
    const a = train(spec(), data(), hooks(on))
    const b = train(spec({ snapshots: false }), data(), hooks(off))
    expect(off).toHaveLength(0)
    expect(b.confusion).toBeUndefined()
    const { confusion: _c, ...rest } = a
    expect(rest).toEqual(b)
  })

  it('‖dW‖ and ‖ΔW‖/‖W‖ are those of the last step; tiles decode to the first layer\'s weights', () => {
    const t = new Trainer(spec(), data())
    const rec = new InsideRecorder(t)
    const before = t.network.blocks[0]!.affine.W.slice()
    rec.beforeStep()
    t.step()
    const a = t.network.blocks[0]!.affine
    const f = rec.frame(1 as number)
    expect(f.layers[0]!.gradNorm).toBeCloseTo(norm(a.dW), 10)
    expect(f.layers[0]!.updateRatio).toBeCloseTo(diffNorm(a.W, before) / norm(before), 10)
    expect(f.layers[0]!.updateRatio).toBeGreaterThan(0)
  })

  it('tiles decode to the first layer\'s weights within one quantization step', () => {
    const t = new Trainer(spec(), data())
    const f = new InsideRecorder(t).frame(0)
    const tiles = f.tiles!
    const a = t.network.blocks[0]!.affine
    const bytes = base64ToBytes(tiles.data)
    expect(bytes.length).toBe(tiles.units * tiles.rows * tiles.cols)
    for (let j = 0; j < tiles.units; j++)
      for (let p = 0; p < 16; p++) {
        const w = ((bytes[j * 16 + p]! - 128) / 127) * tiles.scale
        expect(Math.abs(w - a.W[p * a.outSize + j]!)).toBeLessThanOrEqual(tiles.scale / 254 + 1e-7)
      }
  })
})
