/** Labs 2 and 4 share their iteration budget: the accuracy interval must fit in the run. */
import { describe, expect, it } from 'vitest'
import { getLab } from './registry'

describe('the accuracy interval fits in the run', () => {
  it.each(['optimizers-mnist', 'init-mnist'] as const)('%s refuses evalEvery beyond iterations, naming the field and both numbers', (id) => {
    const lab = getLab(id)!
    const bad = lab.schema.safeParse({ iterations: 300, evalEvery: 500 })
    expect(bad.success).toBe(false)
    const issue = bad.error!.issues[0]!
    expect(issue.path).toEqual(['evalEvery'])
    expect(issue.message).toMatch(/evalEvery \(500\) exceeds the run's length \(300 iterations\)/)
    expect(lab.schema.safeParse({ iterations: 300, evalEvery: 300 }).success).toBe(true)
  })
})
