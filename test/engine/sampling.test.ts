import { describe, expect, it } from 'vitest'
import { Rng, createSampler, isEpochBoundary, itersPerEpoch, maxIterations } from '../../src/engine'

describe('batch sampling', () => {
  it("'replacement' is the book's rng.choice(trainSize, batchSize) per batch", () => {
    const s = createSampler('replacement', 50, 8, new Rng(1).derive('batches'))
    const ref = new Rng(1).derive('batches')
    const out = new Int32Array(8)
    for (let b = 0; b < 5; b++) {
      s.next(out)
      expect(Array.from(out)).toEqual(Array.from(ref.choice(50, 8)))
    }
  })

  it("'shuffle' visits every sample once per pass, continuing across pass ends", () => {
    const n = 10
    const s = createSampler('shuffle', n, 4, new Rng(2))
    const out = new Int32Array(4)
    const seen: number[] = []
    for (let b = 0; b < 5; b++) {
      s.next(out)
      seen.push(...out)
    }
    expect(seen.slice(0, 10).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(seen.slice(10, 20).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(seen.slice(0, 10)).not.toEqual(seen.slice(10, 20))
  })

  it('a batch larger than the training set still works without replacement', () => {
    const s = createSampler('shuffle', 3, 7, new Rng(3))
    const out = new Int32Array(7)
    s.next(out)
    expect(Array.from(out.subarray(0, 3)).sort()).toEqual([0, 1, 2])
    expect(Array.from(out.subarray(3, 6)).sort()).toEqual([0, 1, 2])
  })

  it('rejects an empty training set and unknown kinds', () => {
    expect(() => createSampler('replacement', 0, 4, new Rng(1))).toThrow(/empty/)
    expect(() => createSampler('bootstrap' as 'shuffle', 4, 4, new Rng(1))).toThrow(/unknown sampling 'bootstrap'/)
  })

  it("epoch arithmetic is the book's: float iter_per_epoch, i % ipe == 0, max_iter = int(epochs·ipe)", () => {
    expect(itersPerEpoch(300, 100)).toBe(3)
    expect(itersPerEpoch(1000, 128)).toBe(7.8125)
    expect(itersPerEpoch(50, 100)).toBe(1)
    expect(isEpochBoundary(0, 7.8125)).toBe(true)
    expect(isEpochBoundary(8, 7.8125)).toBe(false)
    expect(isEpochBoundary(125, 7.8125)).toBe(true) // 16 epochs: the first integer multiple
    expect(isEpochBoundary(5, 2.5)).toBe(true)
    expect(maxIterations({ unit: 'epochs', count: 3 }, 2.5)).toBe(7)
    expect(maxIterations({ unit: 'epochs', count: 20 }, 10)).toBe(200)
    expect(maxIterations({ unit: 'iterations', count: 2000 }, 80)).toBe(2000)
  })
})
