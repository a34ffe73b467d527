/** The book's smooth_curve against NumPy (test/golden/optimizers.json, "smoothing"). */
import { describe, expect, it } from 'vitest'
import { besselI0, kaiser, smoothCurve } from '../../src/engine'
import { expectAllClose, optimizerGolden } from './golden'

const { kaiser11, cases } = optimizerGolden().smoothing

describe('smoothing', () => {
  it('Bessel I0 matches known values', () => {
    expect(besselI0(0)).toBe(1)
    expect(besselI0(1)).toBeCloseTo(1.2660658777520082, 14)
    expect(besselI0(2)).toBeCloseTo(2.2795853023360673, 14)
    expect(besselI0(10)).toBeCloseTo(2815.716628466254, 9)
  })

  it('kaiser(11, 2) equals numpy.kaiser(11, 2)', () => {
    expectAllClose(kaiser(11, 2), kaiser11, 1e-14, 1e-15, 'kaiser')
    expect(Array.from(kaiser(1, 2))).toEqual([1])
  })

  it.each(cases.map((c) => [c.series.length, c.window, c] as const))('series of %i, window %i equals the book', (_n, _w, c) => {
    expectAllClose(smoothCurve(c.series, { window: c.window }), c.smoothed, 1e-12, 1e-14, 'smoothed')
  })

  it('the default is the book’s window 11, β 2', () => {
    const c = cases.find((x) => x.window === 11 && x.series.length === 60)!
    expectAllClose(smoothCurve(c.series), c.smoothed, 1e-12, 1e-14, 'smoothed')
  })

  it('short series keep their length (the window shrinks), even windows round up, bad windows throw', () => {
    expect(Array.from(smoothCurve([]))).toEqual([])
    expect(Array.from(smoothCurve([3]))).toEqual([3])
    expect(Array.from(smoothCurve([1, 2]))).toEqual([1, 2])
    expect(smoothCurve([1, 5, 2, 8, 3]).length).toBe(5)
    const c = cases.find((x) => x.window === 5)!
    expectAllClose(smoothCurve(c.series, { window: 4 }), c.smoothed, 1e-12, 1e-14, 'window 4 → 5')
    expect(() => smoothCurve([1, 2, 3], { window: 0 })).toThrow(/window/)
  })

  it('a constant series stays constant', () => {
    const s = smoothCurve(new Array(40).fill(2.5))
    for (const v of s) expect(v).toBeCloseTo(2.5, 12)
  })
})
