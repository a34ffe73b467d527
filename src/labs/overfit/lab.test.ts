/** Lab 6's definition: no cure paired with weight decay or dropout, as the book's two scripts. */
import { describe, expect, it } from 'vitest'
import { resolveRunParams } from '../../cli/args'
import { overfitLab as lab } from './lab'

const plan = (params: Record<string, unknown> = {}) => lab.plan(lab.schema.parse(params))

describe('lab 6: overfitting', () => {
  it('pairs no cure with λ = 0.1 (6×100, 201 epochs) or dropout 0.2 (7×100, 301 epochs) on 300 samples', () => {
    const wd = plan()
    expect(wd.map((r) => [r.spec.network.weightDecay, r.spec.network.hidden.length, r.spec.budget.count])).toEqual([
      [0, 6, 201],
      [0.1, 6, 201],
    ])
    expect(wd[0]!.spec.data.trainSize).toBe(300)
    const dropoutPreset = lab.presets.find((p) => p.name === 'overfit-dropout')!
    const dr = plan(dropoutPreset.params)
    expect(dr.map((r) => [r.spec.network.hidden[0]!.dropout, r.spec.network.hidden.length, r.spec.budget.count])).toEqual([
      [0, 7, 301],
      [0.2, 7, 301],
    ])
  })

  it('CLI keys: lambda and trainSize set what they say, a bad lambda names the key', () => {
    expect(resolveRunParams(lab, {}, [['lambda', '0.05'], ['trainSize', '200']], undefined)).toMatchObject({ lambda: 0.05, trainSize: 200 })
    expect(() => resolveRunParams(lab, {}, [['lambda', '-1']], undefined)).toThrow(/lambda: must be > 0/)
  })
})
