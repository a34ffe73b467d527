/**
 * Run facts: the service fixes training rows, iterations per epoch and planned iterations at plan
 * time, and they match what the trainer then really did; runs stored before the facts existed get
 * them from migration 003.
 */
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { dataRng, prepareData } from '../../src/engine'
import { defaultBuiltinPath, loadDataSource } from '../../src/main/data'
import { Store } from '../../src/main/store'
import { init } from '../../src/main/store/migrations/001_init'
import { makeApp, tempDir, tinySpec } from './helpers'

/** The share of the most frequent label, counted plainly. */
function topShare(labels: Uint8Array): number {
  const counts = new Map<number, number>()
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1)
  return Math.max(...counts.values()) / labels.length
}

let t: ReturnType<typeof tempDir>
beforeEach(() => (t = tempDir()))
afterEach(() => t.cleanup())

describe('run facts', () => {
  it('are planned from the data set and agree with the finished runs', async () => {
    const app = makeApp(t.dir)
    try {
      // 300 samples, 20 % held out: 240 train rows, batch 100 → the book's 2.4 iterations per epoch, 3 epochs → int(7.2) = 7.
      const held = await app.service.call('startLab', {
        labId: 'builder',
        params: { hidden: [{ width: 8 }], trainSize: 300, validationSplit: 0.2, batchSize: 100, budget: { unit: 'epochs', count: 3 } },
      })
      // No trainSize: the built-in file's header says 8,000 train rows; batch 4000 → 2 per epoch, 1 epoch.
      const whole = await app.service.call('startLab', {
        labId: 'builder',
        params: { hidden: [{ width: 8 }], batchSize: 4000, budget: { unit: 'epochs', count: 1 } },
      })
      await app.runs.whenIdle()
      const [h] = (await app.service.call('getExperiment', { experimentId: held.experimentId })).runs
      const [w] = (await app.service.call('getExperiment', { experimentId: whole.experimentId })).runs
      // The majority-class rate of the rows each run trained on, counted on what the trainer's own
      // preparation (prepareData, same seed stream) hands it.
      const raw = loadDataSource({ kind: 'builtin-mnist' }, defaultBuiltinPath())
      const trained = prepareData(raw, h!.spec.data, dataRng(h!.spec.seed)).trainY
      expect(trained.length).toBe(240)
      expect(h!.facts).toEqual({ trainRows: 240, itersPerEpoch: 2.4, plannedIterations: 7, majorityRate: topShare(trained) })
      expect(w!.facts).toEqual({ trainRows: 8000, itersPerEpoch: 2, plannedIterations: 2, majorityRate: topShare(raw.train.labels) })
      expect(h!.facts.majorityRate).toBeGreaterThan(0.1) // 240 digits are never perfectly balanced
      expect(h!.facts.majorityRate).not.toBe(w!.facts.majorityRate)
      for (const r of [h!, w!]) {
        expect(r.status).toBe('finished')
        expect(r.final!.iterations).toBe(r.facts.plannedIterations)
        expect(r.final!.epochs).toBeCloseTo(r.facts.plannedIterations / r.facts.itersPerEpoch!, 3)
      }
    } finally {
      app.close()
    }
  })

  it('migration 003 gives runs stored before it their facts from the spec', () => {
    const path = join(t.dir, 'old.db')
    const raw = new Database(path)
    raw.exec('BEGIN')
    init.up(raw)
    raw.pragma('user_version = 1')
    raw.exec('COMMIT')
    raw.prepare(`INSERT INTO experiments (id, lab_id, name, params, seed, created_at) VALUES (1, 'builder', 'old', '{}', 1, '2026-01-01T00:00:00.000Z')`).run()
    const insert = raw.prepare(`INSERT INTO runs (experiment_id, ordinal, label, meta, spec, status, created_at) VALUES (1, ?, 'r', '{}', ?, 'finished', '2026-01-01T00:00:00.000Z')`)
    insert.run(0, JSON.stringify(tinySpec({ data: { source: { kind: 'builtin-mnist' }, trainSize: 1000, validationSplit: 0.1 }, budget: { unit: 'epochs', count: 2 } })))
    insert.run(1, JSON.stringify(tinySpec({ data: { source: { kind: 'builtin-mnist' }, validationSplit: 0 } })))
    raw.close()
    const store = Store.open(path)
    try {
      const runs = store.getExperiment(1)!.runs
      // 1000 − 100 held out = 900 rows, batch 50 → 18 per epoch, 2 epochs; the built-in split's 8000 rows → 160.
      expect(runs.map((r) => r.facts)).toEqual([
        { trainRows: 900, itersPerEpoch: 18, plannedIterations: 36 },
        { trainRows: 8000, itersPerEpoch: 160, plannedIterations: 40 },
      ])
    } finally {
      store.close()
    }
  })
})
