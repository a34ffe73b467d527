/** The registry's labs: every preset resolves to valid parameters and plans valid run specs. */
import { describe, expect, it } from 'vitest'
import { resolveRunParams } from '../cli/args'
import { RunSpecSchema } from '../shared/schemas'
import { PRESETS, getLab } from './registry'

describe('lab definitions', () => {
  it('every preset resolves to valid parameters, and every planned run spec is valid', () => {
    for (const preset of PRESETS) {
      const lab = getLab(preset.labId)!
      const params = lab.schema.parse(resolveRunParams(lab, preset.params, [], undefined))
      if (lab.kind === 'runs') for (const p of lab.plan(params)) expect(RunSpecSchema.safeParse(p.spec).success).toBe(true)
    }
  })
})
