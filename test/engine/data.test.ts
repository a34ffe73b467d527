import { describe, expect, it } from 'vitest'
import { Rng, prepareData, type RawDataset } from '../../src/engine'
import { syntheticDataset } from './synthetic'

const raw = syntheticDataset(100, 40)
const spec = { source: { kind: 'builtin-mnist' as const }, validationSplit: 0 }

function rowKey(data: Float32Array, cols: number, r: number): string {
  return Array.from(data.subarray(r * cols, (r + 1) * cols)).join(',')
}

describe('prepareData', () => {
  it('normalizes pixels to [0, 1] float32, flattened, keeps everything in order when no sizes are given', () => {
    const p = prepareData(raw, spec, new Rng(1))
    expect(p.inputSize).toBe(raw.train.rows * raw.train.cols)
    expect(p.classes).toBe(3)
    expect(p.trainX.rows).toBe(100)
    expect(p.testX.rows).toBe(40)
    expect(p.trainX.data[5]).toBeCloseTo(raw.train.images[5] / 255, 7)
    expect(Array.from(p.trainY)).toEqual(Array.from(raw.train.labels))
    expect(p.valX).toBeUndefined()
  })

  it('draws the training and test subsets from the seed, deterministically', () => {
    const a = prepareData(raw, { ...spec, trainSize: 30, testSize: 10 }, new Rng(5))
    const b = prepareData(raw, { ...spec, trainSize: 30, testSize: 10 }, new Rng(5))
    const c = prepareData(raw, { ...spec, trainSize: 30, testSize: 10 }, new Rng(6))
    expect(a.trainX.rows).toBe(30)
    expect(a.testX.rows).toBe(10)
    expect(a.trainX.data).toEqual(b.trainX.data)
    expect(a.testY).toEqual(b.testY)
    expect(a.trainX.data).not.toEqual(c.trainX.data)
  })

  it('holds out int(n·validationSplit) shuffled samples of the training subset (the book: 500 → 100 + 400)', () => {
    const big = syntheticDataset(600, 10)
    const p = prepareData(big, { ...spec, trainSize: 500, validationSplit: 0.2 }, new Rng(3))
    expect(p.valX!.rows).toBe(100)
    expect(p.trainX.rows).toBe(400)
    const cols = p.inputSize
    const all = new Set<string>()
    for (let r = 0; r < big.train.count; r++) all.add(Array.from(big.train.images.subarray(r * cols, (r + 1) * cols), (v) => Math.fround(v / 255)).join(','))
    const train = new Set(Array.from({ length: 400 }, (_, r) => rowKey(p.trainX.data, cols, r)))
    for (let r = 0; r < 100; r++) {
      const k = rowKey(p.valX!.data, cols, r)
      expect(all.has(k)).toBe(true)
      expect(train.has(k)).toBe(false)
    }
    // the subset does not depend on the split: same seed, same 500 samples
    const noVal = prepareData(big, { ...spec, trainSize: 500 }, new Rng(3))
    const subset = new Set(Array.from({ length: 500 }, (_, r) => rowKey(noVal.trainX.data, cols, r)))
    for (const k of train) expect(subset.has(k)).toBe(true)
  })

  it('explains bad inputs', () => {
    expect(() => prepareData(raw, { ...spec, trainSize: 101 }, new Rng(1))).toThrow(/trainSize is 101 but the data set has only 100/)
    expect(() => prepareData(raw, { ...spec, testSize: 41 }, new Rng(1))).toThrow(/testSize/)
    const badLabel: RawDataset = { ...raw, train: { ...raw.train, labels: raw.train.labels.map((l, i) => (i === 3 ? 7 : l)) } }
    expect(() => prepareData(badLabel, spec, new Rng(1))).toThrow(/label 7 of image 3/)
    const short: RawDataset = { ...raw, test: { ...raw.test, images: raw.test.images.subarray(1) } }
    expect(() => prepareData(short, spec, new Rng(1))).toThrow(/synthetic test/)
  })
})
