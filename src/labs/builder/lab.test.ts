/** Lab 8's definition: the accuracy interval must fit in the run, whatever its budget. */
import { describe, expect, it } from 'vitest'
import { builderLab as lab } from './lab'

describe('lab 8: your own network', () => {
  it('checks the accuracy interval for an iteration budget and for epochs over a known train size', () => {
    expect(lab.schema.safeParse({ budget: { unit: 'iterations', count: 50 }, evalEvery: 51 }).success).toBe(false)
    // 1000 samples, 20 % held out, batch 100: 8 iterations per epoch, 2 epochs = 16.
    expect(lab.schema.safeParse({ budget: { unit: 'epochs', count: 2 }, trainSize: 1000, validationSplit: 0.2, evalEvery: 17 }).success).toBe(false)
    expect(lab.schema.safeParse({ budget: { unit: 'epochs', count: 2 }, trainSize: 1000, validationSplit: 0.2, evalEvery: 16 }).success).toBe(true)
  })
})
