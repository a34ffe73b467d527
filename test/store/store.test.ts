import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { NotFoundError, Store } from '../../src/main/store'
import type { FinalMetrics } from '../../src/shared/schemas'
import { dbPath, rowCounts, runSpec, storeOpener, tempDir } from './helpers'

const dir = tempDir()
const fresh = storeOpener(dir)

const final: FinalMetrics = { loss: 0.25, trainAcc: 0.9, testAcc: 0.88, iterations: 100, epochs: 1.25, elapsedMs: 1234 }

function experimentWithRuns(s: Store, n = 2, name = 'SGD vs Adam') {
  const exp = s.createExperiment({ labId: 'optimizers-mnist', name, params: { iterations: 100 }, seed: 7, tags: ['week 3'] })
  const runs = s.addRuns(
    exp.id,
    Array.from({ length: n }, (_, i) => ({ label: `run ${i}`, meta: { optimizer: i ? 'adam' : 'sgd' }, spec: runSpec({ seed: i }) })),
  )
  return { exp, runs }
}

describe('Store: experiments and runs', () => {
  it('creates an experiment and queued runs, and reads them back', () => {
    const s = fresh()
    const { exp, runs } = experimentWithRuns(s)
    expect(exp).toEqual({
      id: 1,
      labId: 'optimizers-mnist',
      name: 'SGD vs Adam',
      params: { iterations: 100 },
      seed: 7,
      tags: ['week 3'],
      parentId: null,
      result: null,
      createdAt: '2025-03-01T10:00:01.000Z',
    })
    expect(runs.map((r) => [r.experimentId, r.ordinal, r.label, r.status, r.error, r.final, r.startedAt])).toEqual([
      [1, 0, 'run 0', 'queued', null, null, null],
      [1, 1, 'run 1', 'queued', null, null, null],
    ])
    expect(s.getRun(runs[1].id)).toEqual(runs[1])
    expect(s.getRun(runs[1].id)!.spec).toEqual(runSpec({ seed: 1 }))
    expect(s.getRun(999)).toBeUndefined()
    // more runs continue the ordinals
    const more = s.addRuns(exp.id, [{ label: 'run 2', meta: {}, spec: runSpec() }])
    expect(more[0].ordinal).toBe(2)
    expect(() => s.addRuns(999, [{ label: 'x', meta: {}, spec: runSpec() }])).toThrow(NotFoundError)
  })

  it('stores instant results and parent links', () => {
    const s = fresh()
    const parent = s.createExperiment({ labId: 'paths-2d', name: 'paths', params: { fn: 'lesson' }, seed: 0, result: { paths: [[0, 1]] } })
    const child = s.createExperiment({ labId: 'paths-2d', name: 'again', params: {}, seed: 0, parentId: parent.id, result: [1, 2] })
    expect(s.getExperiment(parent.id)!.experiment).toMatchObject({ status: 'finished', runCount: 0, runsDone: 0, result: { paths: [[0, 1]] } })
    expect(child.parentId).toBe(parent.id)
    expect(() => s.createExperiment({ labId: 'paths-2d', name: 'x', params: {}, seed: 0, parentId: 42 })).toThrow('parent experiment 42 does not exist')
    s.deleteExperiment(parent.id)
    expect(s.getExperiment(child.id)!.experiment.parentId).toBeNull()
  })

  it('updates runs field by field; null clears; a missing run is reported, not thrown', () => {
    const s = fresh()
    const { runs } = experimentWithRuns(s, 1)
    const id = runs[0].id
    expect(s.updateRun(id, { status: 'running', startedAt: '2025-03-01T11:00:00.000Z' })).toBe(true)
    expect(s.updateRun(id, { status: 'failed', error: 'diverged' })).toBe(true)
    expect(s.getRun(id)).toMatchObject({ status: 'failed', error: 'diverged', startedAt: '2025-03-01T11:00:00.000Z', finishedAt: null })
    s.updateRun(id, { status: 'finished', error: null, final, finishedAt: '2025-03-01T11:05:00.000Z' })
    expect(s.getRun(id)).toMatchObject({ status: 'finished', error: null, final, finishedAt: '2025-03-01T11:05:00.000Z' })
    s.updateRun(id, { final: null })
    expect(s.getRun(id)!.final).toBeNull()
    expect(s.updateRun(999, { status: 'running' })).toBe(false)
    expect(() => s.updateRun(id, { status: 'bogus' as never })).toThrow(/run status must be one of/)
  })

  it('appends series in chunks and returns them ordered (INSERT OR REPLACE)', () => {
    const s = fresh()
    const { exp, runs } = experimentWithRuns(s, 2)
    const [a, b] = runs.map((r) => r.id)
    s.appendSeries(a, [
      { series: 'testAcc', steps: [0], values: [0.1] },
      { series: 'loss', steps: [2, 3], values: [2.0, 1.9] },
    ])
    s.appendSeries(a, [
      { series: 'loss', steps: [0, 1], values: [2.3, 2.2] },
      { series: 'trainAcc', steps: [0, 3], values: [0.11, 0.5] },
      { series: 'testAcc', steps: [3], values: [0.45] },
    ])
    s.appendSeries(a, [{ series: 'loss', steps: [3], values: [1.8] }]) // a repeated step overwrites
    s.appendSeries(b, [{ series: 'loss', steps: [0], values: [Number.NaN] }]) // NaN is kept as NaN
    const detail = s.getExperiment(exp.id)!
    expect(detail.runs.map((r) => r.id)).toEqual([a, b])
    expect(detail.runs[0].series).toEqual([
      { series: 'loss', steps: [0, 1, 2, 3], values: [2.3, 2.2, 2.0, 1.8] },
      { series: 'trainAcc', steps: [0, 3], values: [0.11, 0.5] },
      { series: 'testAcc', steps: [0, 3], values: [0.1, 0.45] },
    ])
    expect(detail.runs[1].series[0].values[0]).toBeNaN()
    expect(s.getRuns([b, a, 999, b]).map((r) => [r.id, r.series.length])).toEqual([
      [b, 1],
      [a, 3],
    ])
    expect(() => s.appendSeries(a, [{ series: 'loss', steps: [5, 6], values: [1] }])).toThrow('series loss of run 1: 2 steps but 1 values')
    expect(s.appendSeries(999, [{ series: 'loss', steps: [0], values: [1] }])).toBe(false)
  })

  it('a failing point rolls back its whole batch (one transaction)', () => {
    const s = fresh()
    const { runs } = experimentWithRuns(s, 1)
    const id = runs[0].id
    s.appendSeries(id, [{ series: 'loss', steps: [0, 1], values: [1, 2] }])
    const bad = () =>
      s.appendSeries(id, [
        { series: 'loss', steps: [7, 8], values: [1, 2] },
        { series: 'trainAcc', steps: [1.5], values: [1] }, // STRICT: a step must be an integer
      ])
    expect(bad).toThrow(/cannot store REAL value in INTEGER column/)
    expect(s.getRuns([id])[0].series).toEqual([{ series: 'loss', steps: [0, 1], values: [1, 2] }])
  })

  it('renames, tags, deletes (runs and metrics go too)', () => {
    const path = dbPath(dir)
    const s = fresh(path)
    const { exp, runs } = experimentWithRuns(s, 2)
    const other = experimentWithRuns(s, 1, 'other')
    s.appendSeries(runs[0].id, [{ series: 'loss', steps: [0, 1, 2], values: [3, 2, 1] }])
    s.appendSeries(other.runs[0].id, [{ series: 'loss', steps: [0], values: [3] }])
    s.renameExperiment(exp.id, 'renamed')
    s.setTags(exp.id, [' b ', 'a', 'b', ''])
    expect(s.getExperiment(exp.id)!.experiment).toMatchObject({ name: 'renamed', tags: ['b', 'a'] })
    expect(rowCounts(path)).toMatchObject({ experiments: 2, runs: 3, metrics: 4 })
    s.deleteExperiment(exp.id)
    expect(s.getExperiment(exp.id)).toBeUndefined()
    expect(s.getRun(runs[0].id)).toBeUndefined()
    expect(rowCounts(path)).toMatchObject({ experiments: 1, runs: 1, metrics: 1 })
    expect(() => s.deleteExperiment(exp.id)).toThrow(new NotFoundError(`experiment ${exp.id} does not exist`))
    expect(() => s.renameExperiment(exp.id, 'x')).toThrow(NotFoundError)
    expect(() => s.setTags(exp.id, [])).toThrow(NotFoundError)
  })

  it('markInterrupted turns running and queued runs into interrupted ones once their owner is gone', () => {
    const path = dbPath(dir)
    const owner = fresh(path)
    const { exp, runs } = experimentWithRuns(owner, 4)
    owner.updateRun(runs[0].id, { status: 'finished', final })
    owner.updateRun(runs[1].id, { status: 'running' })
    owner.updateRun(runs[2].id, { status: 'failed', error: 'diverged' })
    const beside = fresh(path)
    expect(beside.markInterrupted()).toBe(0) // the owner is still open: its runs are its own
    beside.close()
    owner.close() // as after a crash: its store is gone with two runs unfinished
    const s = fresh(path)
    expect(s.markInterrupted()).toBe(2)
    expect(s.getExperiment(exp.id)!.runs.map((r) => [r.status, r.error])).toEqual([
      ['finished', null],
      ['interrupted', 'interrupted: Gradient Lab stopped while this run was training'],
      ['failed', 'diverged'],
      ['interrupted', 'interrupted: Gradient Lab stopped before this run started'],
    ])
    expect(s.markInterrupted()).toBe(0)
    expect(s.getExperiment(exp.id)!.experiment).toMatchObject({ status: 'partial', runCount: 4, runsDone: 4 })
  })

  it('data survives close and reopen', () => {
    const path = dbPath(dir)
    const a = Store.open(path)
    const { exp, runs } = experimentWithRuns(a, 2)
    a.appendSeries(runs[0].id, [{ series: 'loss', steps: [0, 1], values: [2.5, 2.25] }])
    a.updateRun(runs[0].id, { status: 'finished', final })
    a.saveSpec('deep', 'network', { hidden: [100, 100] })
    const before = a.getExperiment(exp.id)
    a.close()
    const b = Store.open(path)
    expect(b.getExperiment(exp.id)).toEqual(before)
    expect(b.listSpecs()).toHaveLength(1)
    b.close()
  })

  it('prepares its statements once (no statement is compiled per call)', () => {
    const s = fresh()
    const db = (s as unknown as { db: Database.Database }).db
    const { exp, runs } = experimentWithRuns(s, 1)
    const prepare = db.prepare.bind(db)
    let prepared = 0
    db.prepare = ((sql: string) => ((prepared += 1), prepare(sql))) as typeof db.prepare
    s.appendSeries(runs[0].id, [{ series: 'loss', steps: [0], values: [1] }])
    s.updateRun(runs[0].id, { status: 'running' })
    s.getExperiment(exp.id)
    s.listExperiments({ text: 'sgd' })
    s.addRuns(exp.id, [{ label: 'x', meta: {}, spec: runSpec() }])
    expect(prepared).toBe(0)
  })
})

describe('Store: listExperiments', () => {
  it('lists newest first with derived status and filters by lab, text, tag, dates, limit', () => {
    const s = fresh()
    // clock: 10:00:01, :02, ... one second per created row
    const e1 = s.createExperiment({ labId: 'paths-2d', name: 'Saddle paths', params: {}, seed: 0, tags: ['demo'], result: {} })
    const { exp: e2, runs } = experimentWithRuns(s, 2, 'Optimizers 100%_done')
    const e3 = s.createExperiment({ labId: 'batchnorm', name: 'BN on/off', params: {}, seed: 1, tags: ['demo', 'week 3'] })
    s.updateRun(runs[0].id, { status: 'running' })

    const all = s.listExperiments()
    expect(all.map((e) => [e.id, e.status, e.runCount, e.runsDone])).toEqual([
      [e3.id, 'queued', 0, 0],
      [e2.id, 'running', 2, 0],
      [e1.id, 'finished', 0, 0],
    ])
    expect(all[0]).not.toHaveProperty('result')
    expect(s.listExperiments({ labId: 'paths-2d' }).map((e) => e.id)).toEqual([e1.id])
    expect(s.listExperiments({ text: 'SADDLE' }).map((e) => e.id)).toEqual([e1.id])
    expect(s.listExperiments({ text: 'batchn' }).map((e) => e.id)).toEqual([e3.id]) // lab id
    expect(s.listExperiments({ text: '100%_' }).map((e) => e.id)).toEqual([e2.id]) // LIKE wildcards are literal
    expect(s.listExperiments({ text: '%' }).map((e) => e.id)).toEqual([e2.id])
    expect(s.listExperiments({ tag: 'demo' }).map((e) => e.id)).toEqual([e3.id, e1.id])
    expect(s.listExperiments({ tag: 'week' })).toEqual([])
    expect(s.listExperiments({ since: all[1].createdAt }).map((e) => e.id)).toEqual([e3.id, e2.id])
    expect(s.listExperiments({ until: all[1].createdAt }).map((e) => e.id)).toEqual([e2.id, e1.id])
    expect(s.listExperiments({ since: '2025-03-01', until: '2025-03-01' })).toHaveLength(3) // a bare date = that whole day
    expect(s.listExperiments({ since: '2025-03-02' })).toHaveLength(0)
    expect(s.listExperiments({ limit: 2 }).map((e) => e.id)).toEqual([e3.id, e2.id])
    expect(() => s.listExperiments({ since: 'yesterday' })).toThrow(/since: 'yesterday' is not a date/)
  })
})

describe('Store: listExperiments, the runs\' best accuracies (for chance-level flags in History)', () => {
  it('gives the best of train, test and validation accuracy of each run with final metrics', () => {
    const s = fresh()
    const { exp, runs } = experimentWithRuns(s, 3, 'three runs')
    s.updateRun(runs[0].id, { status: 'finished', final: { ...final, trainAcc: 0.27, testAcc: 0.23 } })
    s.updateRun(runs[1].id, { status: 'finished', final: { ...final, trainAcc: null, testAcc: null, valAcc: 0.19 } })
    const e = s.listExperiments().find((x) => x.id === exp.id)!
    expect(e.runBestAcc).toEqual([0.27, 0.19]) // the third run has no final metrics yet
    const empty = s.createExperiment({ labId: 'paths-2d', name: 'instant', params: {}, seed: 0, result: {} })
    expect(s.listExperiments().find((x) => x.id === empty.id)!.runBestAcc).toEqual([])
  })
})

describe('Store: saved specs', () => {
  it('saves, replaces, lists by kind and deletes', () => {
    const s = fresh()
    const a = s.saveSpec('wide', 'network', { hidden: [{ width: 500 }] })
    s.saveSpec('adam run', 'run', { optimizer: 'adam' })
    const a2 = s.saveSpec(' wide ', 'network', { hidden: [{ width: 800 }] })
    expect(a2.id).toBe(a.id)
    expect(a2.createdAt).toBe(a.createdAt)
    expect(a2.updatedAt > a.updatedAt).toBe(true)
    expect(s.listSpecs().map((x) => x.name)).toEqual(['adam run', 'wide'])
    expect(s.listSpecs('network')).toEqual([a2])
    expect(a2.spec).toEqual({ hidden: [{ width: 800 }] })
    expect(s.deleteSpec('wide')).toBe(true)
    expect(s.deleteSpec('wide')).toBe(false)
    expect(() => s.saveSpec('  ', 'network', {})).toThrow('a saved spec needs a name')
  })
})
