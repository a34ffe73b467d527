/**
 * Experiment and run ids are never reused after a delete (migration 002: AUTOINCREMENT), and the
 * migration of a schema-1 file keeps every experiment, run and metric (the rebuild must not
 * cascade-delete the children of the tables it replaces).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { MIGRATIONS, Store, openDatabase } from '../../src/main/store'
import { tinySpec } from '../service/helpers'

const dir = mkdtempSync(join(tmpdir(), 'glab-ids-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('ids after a delete', () => {
  it('a new experiment and its runs never get the ids of deleted ones', () => {
    const s = Store.open(join(dir, 'ids.db'))
    try {
      const a = s.createExperimentWithRuns({ labId: 'builder', name: 'a', params: {}, seed: 1 }, [{ label: 'r', meta: {}, spec: tinySpec() }])
      s.deleteExperiment(a.experiment.id)
      const b = s.createExperimentWithRuns({ labId: 'builder', name: 'b', params: {}, seed: 1 }, [{ label: 'r', meta: {}, spec: tinySpec() }])
      expect(b.experiment.id).toBeGreaterThan(a.experiment.id)
      expect(b.runs[0]!.id).toBeGreaterThan(a.runs[0]!.id)
    } finally {
      s.close()
    }
  })

  it('migrating a schema-1 file keeps its experiments, runs and metrics', () => {
    const path = join(dir, 'v1.db')
    const v1 = openDatabase(path, { migrations: [MIGRATIONS[0]!] })
    // a real run spec: migration 003 derives each run's facts from it
    const spec = JSON.stringify(tinySpec())
    v1.exec(`
      INSERT INTO experiments (id, lab_id, name, params, seed, tags, parent_id, created_at) VALUES
        (1, 'builder', 'parent', '{}', 1, '["x"]', NULL, '2026-01-01T00:00:00.000Z'),
        (2, 'builder', 'child', '{}', 1, '[]', 1, '2026-01-02T00:00:00.000Z');
      INSERT INTO runs (id, experiment_id, ordinal, label, meta, spec, status, created_at) VALUES
        (1, 2, 0, 'r0', '{}', '${spec}', 'finished', '2026-01-02T00:00:00.000Z'),
        (2, 2, 1, 'r1', '{}', '${spec}', 'running', '2026-01-02T00:00:00.000Z');
      INSERT INTO metrics (run_id, series, step, value) VALUES (1, 'loss', 0, 2.3), (1, 'loss', 1, 2.1), (2, 'loss', 0, 2.2);
    `)
    v1.close()
    const s = Store.open(path)
    try {
      expect(s.markInterrupted()).toBe(1) // a schema-1 run has no owner: nothing is training it
      const child = s.getExperiment(2)!
      expect(child.experiment.parentId).toBe(1)
      expect(child.runs.map((r) => [r.id, r.status, r.series[0]?.values])).toEqual([
        [1, 'finished', [2.3, 2.1]],
        [2, 'interrupted', [2.2]],
      ])
      s.deleteExperiment(2)
      expect(s.createExperiment({ labId: 'builder', name: 'new', params: {}, seed: 1 }).id).toBe(3)
    } finally {
      s.close()
    }
    const raw = new Database(path, { readonly: true })
    expect(raw.pragma('foreign_key_check')).toEqual([])
    expect(raw.prepare('SELECT count(*) FROM metrics').pluck().get()).toBe(0) // the delete cascaded: foreign keys are on again
    raw.close()
  })
})
