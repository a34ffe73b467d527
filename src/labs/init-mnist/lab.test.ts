/** Lab 4's definition: the book's inits, paired. */
import { describe, expect, it } from 'vitest'
import { initMnistLab as lab } from './lab'

describe('lab 4: weight init on MNIST', () => {
  it('runs std 0.01, Xavier and He with SGD 0.01, batch 128, 2000 iterations, paired', () => {
    const runs = lab.plan(lab.schema.parse({}))
    expect(runs.map((r) => r.label)).toEqual(['std=0.01', 'Xavier', 'He'])
    expect(new Set(runs.map((r) => r.spec.seed)).size).toBe(1)
    expect(runs[0]!.spec).toMatchObject({ optimizer: { kind: 'sgd', lr: 0.01 }, batchSize: 128, budget: { unit: 'iterations', count: 2000 } })
  })
})
