/** Lab 5's definition: the book's 16 weight scales, each with and without batch norm. */
import { describe, expect, it } from 'vitest'
import { resolveRunParams } from '../../cli/args'
import { evenIndices, logspace } from '../common'
import { BN_SCALES, batchnormLab as lab } from './lab'

const plan = (params: Record<string, unknown> = {}) => lab.plan(lab.schema.parse(params))

describe('lab 5: batch normalization', () => {
  it('trains each of the 16 scales of logspace(0, -4, 16) with and without BN from the same seed', () => {
    expect(BN_SCALES[0]).toBe(1)
    expect(BN_SCALES[15]).toBeCloseTo(1e-4, 12)
    expect(BN_SCALES[5]).toBeCloseTo(10 ** (-4 / 3), 12)
    const runs = plan()
    expect(runs).toHaveLength(32)
    expect(runs[0]!.spec.network.hidden.every((b) => b.batchNorm)).toBe(true)
    expect(runs[1]!.spec.network.hidden.every((b) => !b.batchNorm)).toBe(true)
    expect(runs[0]!.spec.network.init).toEqual(runs[1]!.spec.network.init)
    expect(runs[0]!.spec).toMatchObject({ data: { trainSize: 1000 }, batchSize: 100, budget: { unit: 'epochs', count: 20 } })
    expect(plan({ scales: 4 }).map((r) => r.meta.scaleIndex)).toEqual([0, 0, 5, 5, 10, 10, 15, 15])
    expect(evenIndices(16, 1)).toEqual([0])
    expect(logspace(0, -4, 1)).toEqual([1])
  })

  it('CLI keys: scales and epochs set what they say', () => {
    expect(resolveRunParams(lab, {}, [['scales', '4'], ['epochs', '3']], 9)).toMatchObject({ scales: 4, epochs: 3, seed: 9 })
  })
})
