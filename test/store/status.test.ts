import { describe, expect, it } from 'vitest'
import { deriveExperimentStatus } from '../../src/main/store'
import type { RunStatus } from '../../src/shared/schemas'

const of = (...statuses: RunStatus[]) => {
  const c = { queued: 0, running: 0, finished: 0, failed: 0, cancelled: 0, interrupted: 0 }
  for (const s of statuses) c[s] += 1
  return c
}

describe('deriveExperimentStatus', () => {
  it.each([
    [[], true, 'finished'],
    [[], false, 'queued'],
    [['finished', 'finished'], false, 'finished'],
    [['finished', 'running', 'queued'], false, 'running'],
    [['running', 'failed'], false, 'running'],
    [['queued', 'queued'], false, 'queued'],
    [['finished', 'queued'], false, 'queued'],
    [['cancelled', 'cancelled'], false, 'cancelled'],
    [['failed', 'failed'], false, 'failed'],
    [['finished', 'failed'], false, 'partial'],
    [['failed', 'cancelled'], false, 'partial'],
    [['interrupted', 'interrupted'], false, 'interrupted'],
    [['finished', 'interrupted'], false, 'partial'],
    [['finished', 'cancelled'], false, 'partial'],
  ] as [RunStatus[], boolean, string][])('%j (result: %s) → %s', (statuses, hasResult, expected) => {
    expect(deriveExperimentStatus(of(...statuses), hasResult)).toBe(expected)
  })
})
