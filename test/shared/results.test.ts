/** Chance-level detection and the numbers of a run that did not finish: pure rules, checked by value. */
import { describe, expect, it } from 'vitest'
import { chanceRate, chanceThreshold, countAtChance, isAtChance, runChance } from '../../src/shared/chance'
import { lastPoint, runNumbers } from '../../src/shared/run-numbers'

describe('chance level', () => {
  it('is 1/classes, or the majority-class rate when that is higher', () => {
    expect(chanceRate({ classes: 10 })).toBe(0.1)
    expect(chanceRate({ classes: 10, majorityRate: 0.1135 })).toBe(0.1135)
    expect(chanceRate({ classes: 2, majorityRate: 0.3 })).toBe(0.5)
    expect(chanceThreshold({ classes: 10 })).toBeCloseTo(0.28, 12)
    expect(chanceThreshold({ classes: 2, majorityRate: 0.9 })).toBeCloseTo(0.92, 12)
    expect(() => chanceRate({ classes: 1 })).toThrow(/classes must be a whole number ≥ 2, got 1/)
    expect(() => chanceRate({ classes: 10, majorityRate: 1.5 })).toThrow(/majorityRate must be in \[0, 1\]/)
  })

  it('flags accuracies up to the threshold, never a missing or non-finite one', () => {
    expect(isAtChance(0.1)).toBe(true)
    expect(isAtChance(0.185)).toBe(true)
    expect(isAtChance(0.28)).toBe(true)
    expect(isAtChance(0.2801)).toBe(false)
    expect(isAtChance(0.9)).toBe(false)
    expect(isAtChance(null)).toBe(false)
    expect(isAtChance(undefined)).toBe(false)
    expect(isAtChance(Number.NaN)).toBe(false)
    // A skewed dataset: always answering the majority class scores 0.9; 0.91 is still guessing.
    expect(isAtChance(0.91, { classes: 2, majorityRate: 0.9 })).toBe(true)
    expect(isAtChance(0.91, { classes: 2 })).toBe(false)
  })

  it("reads lab 6's dropout run at train 0.27 / test 0.23 as chance, not as a closed gap", () => {
    const v = runChance([0.27, 0.23])
    expect(v).toEqual({ atChance: true, chance: 0.1, threshold: expect.closeTo(0.28, 12), best: 0.27, classes: 10, byMajority: false })
  })

  it('does not call an overfitting run chance: a high training accuracy counts', () => {
    expect(runChance([1.0, 0.15]).atChance).toBe(false)
    expect(runChance([0.95, 0.9]).atChance).toBe(false)
    expect(runChance([null, null]).atChance).toBe(false)
    expect(runChance([]).best).toBeNull()
  })

  it('counts the trials of a search that stayed at chance (every one of 0.18–0.19)', () => {
    expect(countAtChance([0.18, 0.185, 0.19, null])).toEqual({ atChance: 3, judged: 3 })
    expect(countAtChance([0.18, 0.9])).toEqual({ atChance: 1, judged: 2 })
  })
})

describe('numbers of a run', () => {
  const series = {
    loss: { steps: [0, 1, 2, 3], values: [2.3, 2.1, 1.9, Number.NaN] },
    trainAcc: { steps: [0, 2], values: [0.1, 0.4] },
  }

  it('takes the last finite point of a series with its iteration', () => {
    expect(lastPoint(series.loss)).toEqual({ value: 1.9, iteration: 2 })
    expect(lastPoint({ steps: [], values: [] })).toBeNull()
    expect(lastPoint(undefined)).toBeNull()
  })

  it('keeps a cancelled run’s last loss and accuracy with their iterations', () => {
    expect(runNumbers(null, series)).toEqual({
      loss: { value: 1.9, iteration: 2 },
      trainAcc: { value: 0.4, iteration: 2 },
      testAcc: null,
      valAcc: null,
      partial: true,
    })
    expect(runNumbers(null, {}).partial).toBe(false)
  })

  it('uses the final metrics of a finished run', () => {
    const final = { loss: 0.2, trainAcc: 0.95, testAcc: 0.93, iterations: 10, epochs: 1, elapsedMs: 5 }
    expect(runNumbers(final, series)).toEqual({
      loss: { value: 0.2, iteration: null },
      trainAcc: { value: 0.95, iteration: null },
      testAcc: { value: 0.93, iteration: null },
      valAcc: null,
      partial: false,
    })
  })
})
