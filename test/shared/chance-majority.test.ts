/** The chance level by the majority class: from a run's facts, above 1/classes when a class dominates. */
import { describe, expect, it } from 'vitest'
import { majorityRate, splitIndices, dataRng } from '../../src/engine'
import { runBaseline, runChance } from '../../src/shared/chance'

describe('majority-class chance', () => {
  it('a run whose rows are 30 % one class is at chance up to 44 %, and says it is the majority rate', () => {
    const v = runChance([0.4], runBaseline({ majorityRate: 0.3 }))
    expect(v).toEqual({ atChance: true, chance: 0.3, threshold: expect.closeTo(0.44, 12), best: 0.4, classes: 10, byMajority: true })
    expect(runChance([0.4], runBaseline({ majorityRate: null })).atChance).toBe(false)
    expect(runChance([0.25], runBaseline(undefined))).toMatchObject({ atChance: true, chance: 0.1, byMajority: false })
  })

  it('majorityRate counts the rows given, splitIndices draws the rows the trainer trains on', () => {
    const labels = Uint8Array.from([0, 1, 1, 2, 1, 0, 3, 1, 1, 0])
    expect(majorityRate(labels, [0, 1, 2, 3])).toBe(0.5)
    expect(majorityRate(labels, Int32Array.from({ length: 10 }, (_, i) => i))).toBe(0.5)
    expect(majorityRate(labels, [])).toBeNull()
    const { trainIdx, valIdx } = splitIndices(10, { trainSize: 8, validationSplit: 0.25 }, dataRng(3))
    expect(trainIdx.length).toBe(6)
    expect(valIdx!.length).toBe(2)
    expect(new Set([...trainIdx, ...valIdx!]).size).toBe(8)
  })
})
