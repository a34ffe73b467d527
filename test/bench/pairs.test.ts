/** The bench's pair statistics: the median of the pair ratios, not the ratio of the medians. */
import { describe, expect, it } from 'vitest'
import { alternate, summarizePairs, type Pair } from '../../bench/pairs'

const pair = (engineS: number, numpyS: number, load = 1): Pair => ({ engineS, numpyS, ratio: engineS / numpyS, loadEngine: load, loadNumpy: load + 1 })

describe('bench pairs', () => {
  it('reports the median pair ratio with its min and max, and the load range', () => {
    // load drifted up in pair 3: both sides slower, the pair ratio barely moves
    const s = summarizePairs([pair(1, 4, 0.5), pair(2, 5, 0.7), pair(3, 10, 4)])
    expect(s.ratio).toBeCloseTo(0.3, 12) // ratios 0.25, 0.4, 0.3
    expect(s.ratioMin).toBeCloseTo(0.25, 12)
    expect(s.ratioMax).toBeCloseTo(0.4, 12)
    expect(s.engineS).toBe(2)
    expect(s.numpyS).toBe(5) // the ratio of the medians would say 0.4
    expect(summarizePairs([pair(1, 2), pair(3, 2)]).ratio).toBe(1) // even count: mean of the middle two
    expect([s.loadMin, s.loadMax]).toEqual([0.5, 5])
  })

  it('alternates engine and NumPy and stops at a failed NumPy side, keeping the pairs so far', async () => {
    const order: string[] = []
    const logs: string[] = []
    const s = await alternate(
      3,
      async (i) => (order.push(`e${i}`), 1 + i),
      (i) => {
        order.push(`n${i}`)
        if (i === 2) throw new Error('numpy died')
        return 2
      },
      (x) => logs.push(x),
    )
    expect(order).toEqual(['e0', 'n0', 'e1', 'n1', 'e2', 'n2'])
    expect(s?.pairs.length).toBe(2)
    expect(s?.ratio).toBeCloseTo(0.75, 12)
    expect(logs.some((l) => l.includes('numpy died'))).toBe(true)
  })
})
