import { describe, expect, it } from 'vitest'
import { BundleError, NotFoundError, Store } from '../../src/main/store'
import type { Bundle } from '../../src/shared/records'
import { BundleSchema } from '../../src/shared/records'
import type { FinalMetrics } from '../../src/shared/schemas'
import { dbPath, rowCounts, runSpec, storeOpener, tempDir } from './helpers'

const dir = tempDir()
const fresh = storeOpener(dir)

const final: FinalMetrics = { loss: 0.3, trainAcc: 0.91, testAcc: 0.9, valAcc: null, iterations: 50, epochs: 0.6, elapsedMs: 800 }

/** A source store with a parent instant experiment and a child run experiment with series. */
function populated(): { store: Store; ids: number[] } {
  const s = fresh()
  const parent = s.createExperiment({ labId: 'paths-2d', name: 'paths', params: { fn: 'lesson' }, seed: 0, tags: ['a'], result: { path: [[1, 2]] } })
  const child = s.createExperiment({ labId: 'optimizers-mnist', name: 'opt', params: { iterations: 50 }, seed: 3, parentId: parent.id })
  const runs = s.addRuns(child.id, [
    { label: 'SGD', meta: { optimizer: 'sgd' }, spec: runSpec({ seed: 3 }) },
    { label: 'Adam', meta: { optimizer: 'adam' }, spec: runSpec({ seed: 3, optimizer: { kind: 'adam' } }) },
  ])
  s.appendSeries(runs[0].id, [
    { series: 'loss', steps: [0, 1, 2], values: [2.3, 2.1, 1.9] },
    { series: 'testAcc', steps: [0, 2], values: [0.1, 0.4] },
  ])
  s.appendSeries(runs[1].id, [{ series: 'loss', steps: [0, 1], values: [2.3, 1.5] }])
  s.updateRun(runs[0].id, { status: 'finished', final, startedAt: '2025-03-01T10:01:00.000Z', finishedAt: '2025-03-01T10:02:00.000Z' })
  s.updateRun(runs[1].id, { status: 'failed', error: 'diverged at iteration 2' })
  return { store: s, ids: [parent.id, child.id] }
}

/** Strips what import is allowed to change: ids and links by id. */
function comparable(b: Bundle) {
  return b.experiments.map(({ experiment: { id: _id, parentId, ...e }, runs }) => ({
    e,
    hasParent: parentId !== null,
    runs: runs.map(({ id: _r, experimentId: _x, ...r }) => r),
  }))
}

describe('bundles', () => {
  it('export → import into a fresh database reproduces experiments, runs and series', () => {
    const { store, ids } = populated()
    const bundle = store.exportBundle(ids)
    expect(BundleSchema.safeParse(bundle).success).toBe(true)
    // what a file would hold
    const fromFile = JSON.parse(JSON.stringify(bundle))

    const target = fresh()
    target.createExperiment({ labId: 'batchnorm', name: 'already there', params: {}, seed: 0 })
    const newIds = target.importBundle(fromFile)
    expect(newIds).toEqual([2, 3])
    const again = target.exportBundle(newIds)
    expect(comparable(again)).toEqual(comparable(bundle))
    // the parent link is remapped to the new parent id
    expect(target.getExperiment(newIds[1])!.experiment.parentId).toBe(newIds[0])
    expect(target.getExperiment(newIds[1])!.runs[0].series).toEqual(store.getExperiment(ids[1])!.runs[0].series)
    // dates are kept
    expect(again.experiments[1].experiment.createdAt).toBe(bundle.experiments[1].experiment.createdAt)
  })

  it('drops a parent link to an experiment outside the bundle; imports twice as copies', () => {
    const { store, ids } = populated()
    const bundle = store.exportBundle([ids[1]])
    const target = fresh()
    const first = target.importBundle(bundle)
    const second = target.importBundle(bundle)
    expect(first).not.toEqual(second)
    expect(target.getExperiment(first[0])!.experiment.parentId).toBeNull()
    expect(target.listExperiments()).toHaveLength(2)
  })

  it('marks imported queued or running runs as interrupted', () => {
    const s = fresh()
    const e = s.createExperiment({ labId: 'optimizers-mnist', name: 'live', params: {}, seed: 0 })
    const [r] = s.addRuns(e.id, [{ label: 'a', meta: {}, spec: runSpec() }])
    s.updateRun(r.id, { status: 'running' })
    const target = fresh()
    const [id] = target.importBundle(s.exportBundle([e.id]))
    expect(target.getExperiment(id)!.runs[0]).toMatchObject({ status: 'interrupted', error: 'interrupted: imported while still queued or running' })
  })

  it('leaves non-finite points out of the export (JSON cannot hold them)', () => {
    const s = fresh()
    const e = s.createExperiment({ labId: 'optimizers-mnist', name: 'diverged', params: {}, seed: 0 })
    const [r] = s.addRuns(e.id, [{ label: 'a', meta: {}, spec: runSpec() }])
    s.appendSeries(r.id, [{ series: 'loss', steps: [0, 1, 2, 3], values: [2, 50, Number.POSITIVE_INFINITY, Number.NaN] }])
    const bundle = s.exportBundle([e.id])
    expect(bundle.experiments[0].runs[0].series).toEqual([{ series: 'loss', steps: [0, 1], values: [2, 50] }])
    expect(BundleSchema.safeParse(JSON.parse(JSON.stringify(bundle))).success).toBe(true)
  })

  it('export of a missing experiment throws', () => {
    const s = fresh()
    expect(() => s.exportBundle([5])).toThrow(new NotFoundError('experiment 5 does not exist'))
  })

  describe('a bad bundle is refused with the reason and the database is unchanged', () => {
    const good = () => {
      const { store, ids } = populated()
      return JSON.parse(JSON.stringify(store.exportBundle(ids))) as Bundle
    }
    const cases: [string, (b: Bundle) => unknown, RegExp][] = [
      ['wrong format', (b) => ({ ...b, format: 'something-else' }), /not a valid Gradient Lab bundle: format: /],
      ['wrong version', (b) => ({ ...b, version: 2 }), /version: /],
      ['not an object', () => 'hello', /not a valid Gradient Lab bundle/],
      [
        'a run with a negative batchSize',
        (b) => ((b.experiments[1].runs[1].spec.batchSize = -5), b),
        /experiments\.1\.runs\.1\.spec\.batchSize: batchSize must be > 0/,
      ],
      ['an unknown lab', (b) => (((b.experiments[0].experiment as { labId: string }).labId = 'chemistry'), b), /experiments\.0\.experiment\.labId/],
      [
        'steps and values of different lengths',
        (b) => (b.experiments[1].runs[0].series[0].values.pop(), b),
        /experiments\.1\.runs\.0\.series\.0 \(loss\): 3 steps but 2 values/,
      ],
      [
        'the same experiment twice',
        (b) => ((b.experiments[1].experiment.id = b.experiments[0].experiment.id), b),
        /experiments\.1: experiment id \d+ appears more than once/,
      ],
      ['a duplicate run ordinal', (b) => ((b.experiments[1].runs[1].ordinal = 0), b), /experiments\.1\.runs\.1: ordinal 0 appears more than once/],
    ]
    for (const [what, mutate, reason] of cases) {
      it(what, () => {
        const path = dbPath(dir)
        const target = fresh(path)
        target.createExperiment({ labId: 'batchnorm', name: 'existing', params: {}, seed: 0 })
        const before = rowCounts(path)
        const bad = mutate(good())
        let error: unknown
        try {
          target.importBundle(bad)
        } catch (err) {
          error = err
        }
        expect(error).toBeInstanceOf(BundleError)
        expect((error as Error).message).toMatch(reason)
        expect(rowCounts(path)).toEqual(before)
      })
    }

    it('a failure in the middle of the write rolls everything back', () => {
      const path = dbPath(dir)
      const target = fresh(path)
      target.createExperiment({ labId: 'batchnorm', name: 'existing', params: {}, seed: 0 })
      const before = rowCounts(path)
      // valid bundle; the write fails after the first experiment, its runs and points are in
      const runs = (target as unknown as { runs: { appendPoints: (...a: unknown[]) => boolean } }).runs
      const original = runs.appendPoints.bind(runs)
      let calls = 0
      runs.appendPoints = (...a: unknown[]) => {
        if (++calls === 2) throw new Error('disk full')
        return original(...a)
      }
      expect(() => target.importBundle(good())).toThrow('disk full')
      expect(rowCounts(path)).toEqual(before)
      runs.appendPoints = original
      expect(target.importBundle(good())).toHaveLength(2)
    })

    it('steps that are not whole numbers', () => {
      const target = fresh()
      const b = good()
      b.experiments[1].runs[1].series[0].steps[1] = 2 ** 64
      expect(() => target.importBundle(b)).toThrow(/experiments\.1\.runs\.1\.series\.0 \(loss\): steps must be whole numbers ≥ 0/)
    })
  })
})

describe('bundles imported twice', () => {
  it('notices the experiments already stored, and skips them on request (children link to the stored parent)', () => {
    const { store, ids } = populated()
    const fromFile = JSON.parse(JSON.stringify(store.exportBundle(ids)))
    const targetPath = dbPath(dir)
    const target = fresh(targetPath)
    expect(target.bundleDuplicates(fromFile)).toEqual([])
    const first = target.importBundle(fromFile)
    expect(target.bundleDuplicates(fromFile)).toEqual([
      { index: 0, name: 'paths', existingId: first[0] },
      { index: 1, name: 'opt', existingId: first[1] },
    ])
    // A rename after the first import does not hide the duplicate (same lab, seed, date, parameters).
    target.renameExperiment(first[1]!, 'renamed')
    expect(target.bundleDuplicates(fromFile).map((d) => d.existingId)).toEqual(first)

    const before = rowCounts(targetPath)
    expect(target.importBundle(fromFile, { skipExisting: true })).toEqual([])
    expect(rowCounts(targetPath)).toEqual(before)

    // Only the child stored: importing the pair with skip adds the parent and links nothing new.
    const partial = fresh()
    const parentOnly = JSON.parse(JSON.stringify(store.exportBundle([ids[0]!])))
    const [parentId] = partial.importBundle(parentOnly)
    const [childId] = partial.importBundle(fromFile, { skipExisting: true })
    expect(partial.getExperiment(childId!)!.experiment.parentId).toBe(parentId)

    // Without skipping, a second import makes copies, as before.
    expect(target.importBundle(fromFile)).toHaveLength(2)
  })
})
