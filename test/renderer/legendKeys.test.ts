/**
 * Compare's compact legend: the fewest differing settings that still tell the runs apart.
 * Type-checked with the renderer (tsconfig.web.json), whose code it imports.
 */
import { describe, expect, it } from 'vitest'
import { distinguishingKeys } from '../../src/renderer/src/lib/legendKeys'
import type { FactKey, Facts } from '../../src/renderer/src/lib/runDiff'

const run = (experiment: string, optimizer: string, lr: string, seed: string): Facts => ({ experiment, optimizer, lr, seed })
const differing: FactKey[] = ['experiment', 'optimizer', 'lr', 'seed']

describe('distinguishingKeys', () => {
  it('two experiments of four and three optimizers: the experiment and the optimizer suffice (lr and seed follow)', () => {
    const facts = [
      run('#1', 'SGD', '0.01', '1'), run('#1', 'Momentum', '0.01', '1'), run('#1', 'AdaGrad', '0.01', '1'), run('#1', 'Adam', '0.001', '1'),
      run('#2', 'SGD', '0.1', '2'), run('#2', 'Momentum', '0.01', '2'), run('#2', 'Adam', '0.003', '2'),
    ]
    const keys = distinguishingKeys(differing, facts)
    expect(keys).toEqual(['experiment', 'optimizer'])
    expect(new Set(facts.map((f) => keys.map((k) => f[k]).join())).size).toBe(facts.length)
  })
  it('SGD against Adam from two experiments: the optimizer alone; nothing but the experiment differs: the experiment', () => {
    expect(distinguishingKeys(differing, [run('#1', 'SGD', '0.01', '3'), run('#2', 'Adam', '0.001', '3')])).toEqual(['optimizer'])
    expect(distinguishingKeys(['experiment'], [{ experiment: '#1' }, { experiment: '#2' }])).toEqual(['experiment'])
  })
  it('keeps the display order of the differing keys, and all of them when each is needed', () => {
    const facts = [run('#1', 'SGD', '0.01', '1'), run('#1', 'SGD', '0.1', '1'), run('#1', 'Adam', '0.01', '1'), run('#2', 'SGD', '0.01', '1')]
    expect(distinguishingKeys(differing, facts)).toEqual(['experiment', 'optimizer', 'lr'])
  })
})
