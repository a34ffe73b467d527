/** Lab 7's heatmap cells (shared by the app and the CLI's figure): edges, membership, best and mean. */
import { describe, expect, it } from 'vitest'
import { binPoints } from '../../src/figures/searchBins'
import type { SearchRange } from '../../src/labs/random-search/search-space'

const lr: SearchRange = { param: 'lr', min: 1e-6, max: 1e-2, scale: 'log' }
const dropout: SearchRange = { param: 'dropout', min: 0, max: 0.8, scale: 'linear' }

describe('binPoints', () => {
  it('bins in log10 steps on a log range and in equal steps on a linear one, keeping only cells with trials', () => {
    const points = [
      { x: 3e-6, y: 0.1, v: 0.5 }, // x bin 0 (1e-6..1e-5), y bin 0 (0..0.2)
      { x: 5e-6, y: 0.15, v: 0.7 }, // the same cell
      { x: 5e-3, y: 0.7, v: 0.9 }, // x bin 3 (1e-3..1e-2), y bin 3 (0.6..0.8)
      { x: 2e-4, y: 0.3, v: 0.2 }, // x bin 2, y bin 1
    ]
    const cells = binPoints(points, lr, dropout, 4, 4)
    expect(cells).toHaveLength(3)
    const [a, b, c] = cells
    expect([a!.ix, a!.iy, a!.members, a!.best]).toEqual([0, 0, [0, 1], 0.7])
    expect(a!.mean).toBeCloseTo(0.6, 12)
    expect(a!.x0).toBeCloseTo(1e-6, 18)
    expect(a!.x1).toBeCloseTo(1e-5, 17)
    expect([a!.y0, a!.y1]).toEqual([0, 0.2])
    expect([b!.ix, b!.iy, b!.members, b!.best, b!.mean]).toEqual([3, 3, [2], 0.9, 0.9])
    expect(b!.x0).toBeCloseTo(1e-3, 15)
    expect(b!.x1).toBeCloseTo(1e-2, 15)
    expect(b!.y0).toBeCloseTo(0.6, 12)
    expect(b!.y1).toBeCloseTo(0.8, 12)
    expect([c!.ix, c!.iy]).toEqual([2, 1])
  })

  it('puts the upper ends and values just outside the range into the edge cells', () => {
    const cells = binPoints(
      [
        { x: 1e-2, y: 0.8, v: 0.4 },
        { x: 1e-7, y: -0.1, v: 0.3 },
      ],
      lr,
      dropout,
      4,
      4,
    )
    expect(cells.map((c) => [c.ix, c.iy])).toEqual([
      [3, 3],
      [0, 0],
    ])
  })

  it('has no cells without trials, and a different grid per axis', () => {
    expect(binPoints([], lr, dropout, 8, 8)).toEqual([])
    const cells = binPoints([{ x: 1e-4, y: 0.5, v: 1 }], lr, dropout, 2, 8)
    expect([cells[0]!.ix, cells[0]!.iy]).toEqual([1, 5])
  })
})
