/** Lab 2's definition: the CLI refuses an accuracy interval beyond the run. */
import { describe, expect, it } from 'vitest'
import { resolveRunParams } from '../../cli/args'
import { optimizersMnistLab as lab } from './lab'

describe('lab 2: optimizers on MNIST', () => {
  it('the CLI refuses evalEvery beyond the iterations it set, with the key named', () => {
    expect(lab.schema.safeParse(resolveRunParams(lab, {}, [['iterations', '100']], undefined)).success).toBe(false)
  })
})
