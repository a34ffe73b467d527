/** Lab 3's definition: the lesson's histograms, and its CLI keys. */
import { describe, expect, it } from 'vitest'
import { resolveRunParams } from '../../cli/args'
import { initHistogramsLab as lab, type InitHistogramsResult } from './lab'

describe('lab 3: activation histograms', () => {
  it('computes the lesson outcome: std 1 saturates sigmoid, std 0.01 piles it at 0.5', () => {
    const result = lab.compute(lab.schema.parse({ inits: [{ kind: 'std', std: 1 }, { kind: 'std', std: 0.01 }], activations: ['sigmoid'] })) as InitHistogramsResult
    const [std1, std001] = result.cells
    // std 1 + sigmoid piles at 0 and 1; std 0.01 + sigmoid piles at 0.5
    expect(std1!.layers.every((l) => l.saturated > 0.3)).toBe(true)
    expect(std001!.layers.every((l) => Math.abs(l.mean - 0.5) < 0.01 && l.std < 0.03)).toBe(true)
  })

  it('CLI keys: init and activation set what they say, bad values name the key', () => {
    expect(resolveRunParams(lab, {}, [['init', 'he,std=0.5'], ['activation', 'tanh']], undefined)).toMatchObject({
      inits: [{ kind: 'he' }, { kind: 'std', std: 0.5 }],
      activations: ['tanh'],
    })
    expect(() => resolveRunParams(lab, {}, [['activation', 'gelu']], undefined)).toThrow(/activation: 'gelu' is not one of/)
    expect(() => resolveRunParams(lab, {}, [['init', 'glorot']], undefined)).toThrow(/init: 'glorot' is not an init/)
  })
})
