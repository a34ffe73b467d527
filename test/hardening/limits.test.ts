/**
 * Unbounded work from valid requests: runs per start, the queue, and each run's memory (estimated
 * from its spec, refused above the budget with both figures in the message), at the API and in
 * the CLI (exit 2, nothing written). Bundle import applies the same limits as the API.
 */
import { existsSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { estimateRunMemory } from '../../src/main/service/limits'
import { Store } from '../../src/main/store'
import { RunSpecSchema } from '../../src/shared/schemas'
import { cliSync } from './procs'
import { pageClient, startHarness } from './server'

const dir = mkdtempSync(join(tmpdir(), 'glab-limits-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const wide = { hidden: Array.from({ length: 32 }, () => ({ width: 4096 })), batchSize: 65536 }

describe('memory estimate', () => {
  it('counts parameters, optimizer state, activations and data', () => {
    const spec = RunSpecSchema.parse({ network: { hidden: [{ width: 100 }] }, optimizer: { kind: 'adam' }, batchSize: 100, budget: { unit: 'iterations', count: 1 }, seed: 1 })
    const e = estimateRunMemory(spec)
    const params = 784 * 100 + 100 + 100 * 10 + 10
    expect(e.parts.parameters).toBe(4 * params * 2)
    expect(e.parts.optimizer).toBe(4 * params * 2) // Adam: m and v
    expect(e.parts.activations).toBe(4 * 1000 * (784 + 30 + 100 * 4)) // the evaluation chunk (1000) > the batch
    expect(e.parts.data).toBe(4 * 10_000 * 784 * 2)
  })
})

describe('caps at the API', () => {
  it('a net of 32 × 4096 at batch 65,536 is refused with the estimate and the budget; nothing is written', async () => {
    const h = await startHarness()
    try {
      const client = await pageClient(h.base)
      const res = await client.call('startLab', { labId: 'builder', params: wide })
      expect(res.status).toBe(400)
      expect(res.body.error).toMatch(/^run 0 \(.*\) would need about [\d.]+ GB of memory \(parameters and gradients [\d.]+ GB, .*activations at batch 65536 .*\), above the budget of 1\.5 GB per run/)
      expect(h.app.store.listExperiments()).toEqual([])
    } finally {
      await h.close()
    }
  })

  it('runs per start and the queue are capped (limits made small here)', async () => {
    const h = await startHarness()
    try {
      Object.assign(h.app.service.limits, { runsPerStart: 3, queuedRuns: 4 })
      const client = await pageClient(h.base)
      const four = await client.call('startLab', { labId: 'optimizers-mnist', params: {} })
      expect(four.status).toBe(400)
      expect(four.body.error).toBe('params: this start plans 4 runs; at most 3 may be started at once')
      const long = { labId: 'optimizers-mnist', params: { iterations: 100000, optimizers: [{ kind: 'sgd' }, { kind: 'adam' }, { kind: 'momentum' }] } }
      expect((await client.call('startLab', long)).status).toBe(200)
      const full = await client.call('startLab', long)
      expect(full.status).toBe(503)
      expect(full.body.error).toMatch(/^3 runs are already queued or running and this start adds 3; at most 4 may wait at once/)
      expect(h.app.store.listExperiments()).toHaveLength(1)
    } finally {
      await h.close()
    }
  })

  it('the lists of labs 3 and 4 have a maximum', async () => {
    const h = await startHarness()
    try {
      const client = await pageClient(h.base)
      const inits = Array.from({ length: 50_000 }, () => ({ kind: 'he' }))
      const lab4 = await client.call('startLab', { labId: 'init-mnist', params: { inits } })
      expect(lab4.status).toBe(400)
      expect(lab4.body.error).toMatch(/^params\.inits: at most 12 inits/)
      const lab3 = await client.call('startLab', { labId: 'init-histograms', params: { inits: inits.slice(0, 100), activations: Array(100).fill('relu') } })
      expect(lab3.status).toBe(400)
      expect(lab3.body.error).toMatch(/params\.inits: at most 12 inits; params\.activations: at most 3 activations/)
      expect(h.app.store.listExperiments()).toEqual([])
    } finally {
      await h.close()
    }
  })
})

describe('caps in the CLI', () => {
  it('a run above the memory budget exits 2 with the estimate and writes nothing; the budget is configurable', () => {
    const db = join(dir, 'cli-mem.db')
    const r = cliSync(['run', 'builder', '--set', `hidden=${Array(32).fill(4096).join(',')}`, '--set', 'batchSize=65536', '--db', db])
    expect(r.code, r.stderr).toBe(2)
    expect(r.stderr).toMatch(/would need about [\d.]+ GB of memory .* above the budget of 1\.5 GB per run/)
    const small = cliSync(['run', 'optimizers-mnist', '--set', 'iterations=5', '--set', 'evalEvery=5', '--db', db], 120_000, { GRADIENT_LAB_RUN_MEMORY_MB: '50' })
    expect(small.code, small.stderr).toBe(2)
    expect(small.stderr).toMatch(/would need about \d+ MB of memory .* above the budget of 50 MB per run \(GRADIENT_LAB_RUN_MEMORY_MB\)/)
    const s = Store.open(db)
    expect(s.listExperiments()).toEqual([])
    s.close()
  })
})

describe('bundle import applies the API limits', () => {
  function bundleWith(over: { name?: string; tags?: string[]; runs?: number }): unknown {
    const spec = RunSpecSchema.parse({ network: { hidden: [{ width: 8 }] }, optimizer: { kind: 'sgd' }, budget: { unit: 'iterations', count: 1 }, seed: 1 })
    const now = '2026-01-01T00:00:00.000Z'
    const run = (i: number) => ({ id: i + 1, experimentId: 1, ordinal: i, label: 'r', meta: {}, spec, status: 'finished', error: null, final: null, createdAt: now, startedAt: null, finishedAt: null, series: [] })
    return {
      format: 'gradient-lab-bundle',
      version: 1,
      exportedAt: now,
      experiments: [
        {
          experiment: { id: 1, labId: 'builder', name: over.name ?? 'ok', params: {}, seed: 1, tags: over.tags ?? [], parentId: null, result: null, createdAt: now, status: 'finished', runCount: 1, runsDone: 1 },
          runs: Array.from({ length: over.runs ?? 1 }, (_, i) => run(i)),
        },
      ],
    }
  }

  it.each([
    ['a 5 MB name', { name: 'n'.repeat(5 * 1024 * 1024) }, /experiments\.0\.name: 5242880 characters, at most 200/],
    ['50,000 tags', { tags: Array.from({ length: 50_000 }, (_, i) => `t${i}`) }, /experiments\.0\.tags: 50000 tags, at most 20/],
    ['20,000 runs', { runs: 20_000 }, /experiments\.0\.runs: 20000 runs, at most 2000/],
  ])('%s is refused, naming the field, and nothing is written', async (_what, over, message) => {
    const h = await startHarness()
    try {
      const client = await pageClient(h.base)
      const res = await client.call('importBundle', { bundle: bundleWith(over) })
      expect(res.status).toBe(400)
      expect(res.body.error).toMatch(message)
      expect(h.app.store.listExperiments()).toEqual([])
      expect((await client.call('importBundle', { bundle: bundleWith({}) })).status).toBe(200)
    } finally {
      await h.close()
    }
  })

  it('the CLI refuses a file over the limit, or not a regular file, before reading it (exit 2, no database written)', () => {
    const big = join(dir, 'big.json')
    writeFileSync(big, '')
    truncateSync(big, 200 * 1024 * 1024) // sparse: 200 MB of nothing, never read
    const db = join(dir, 'import.db')
    const r = cliSync(['import', big, '--db', db])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/big\.json: 200 MB, larger than a bundle may be \(128 MB\)/)
    const zero = cliSync(['import', '/dev/zero', '--db', db], 30_000)
    expect(zero.code).toBe(2)
    expect(zero.stderr).toMatch(/\/dev\/zero: not a regular file/)
    expect(existsSync(db)).toBe(false)
  })
})
