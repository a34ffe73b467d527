/** LabService: validation at the boundary, lab 2 planned as paired runs, history operations. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RequestError } from '../../src/shared/api'
import { makeApp, tempDir } from './helpers'

let t: ReturnType<typeof tempDir>
let app: ReturnType<typeof makeApp>
beforeEach(() => {
  t = tempDir()
  app = makeApp(t.dir)
})
afterEach(() => {
  app.close()
  t.cleanup()
})

const count = () => app.store.listExperiments({}).length

describe('LabService', () => {
  it('refuses an unknown channel and a bad payload, naming where, and writes nothing', async () => {
    await expect(app.service.handle('dropTables', {})).rejects.toThrow(/unknown channel 'dropTables'/)
    await expect(app.service.handle('startLab', { labId: 'nope' })).rejects.toThrow(/startLab: labId/)
    await expect(
      app.service.handle('startLab', { labId: 'optimizers-mnist', params: { iterations: -5 } }),
    ).rejects.toThrow(/params\.iterations/)
    await expect(
      app.service.handle('startLab', { labId: 'optimizers-mnist', params: { optimizers: [{ kind: 'adam', lr: -1 }] } }),
    ).rejects.toThrow(/params\.optimizers\.0\.lr: lr must be > 0/)
    await expect(app.service.handle('getExperiment', { experimentId: 999 })).rejects.toBeInstanceOf(RequestError)
    expect(count()).toBe(0)
  })

  it('plans lab 2 as one paired run per optimizer, runs it and stores the results', async () => {
    const started = await app.service.call('startLab', {
      labId: 'optimizers-mnist',
      params: { iterations: 30, evalEvery: 15, hidden: [20, 20], optimizers: [{ kind: 'sgd' }, { kind: 'adam' }] },
    })
    expect(started.runIds).toHaveLength(2)
    await app.runs.whenIdle()
    const detail = await app.service.call('getExperiment', { experimentId: started.experimentId })
    expect(detail.experiment.status).toBe('finished')
    expect(detail.runs.map((r) => r.label)).toEqual(['sgd', 'adam'])
    // paired: same seed, same data, same batches; only the optimizer differs
    const [sgd, adam] = detail.runs
    expect(sgd!.spec.seed).toBe(adam!.spec.seed)
    const l0 = (r: typeof sgd) => r!.series.find((s) => s.series === 'loss')!.values[0]
    expect(l0(sgd)).toBeCloseTo(l0(adam)!, 6) // identical initial weights and first batch
    for (const r of detail.runs) {
      expect(r.final?.trainAcc).toBeGreaterThan(0)
      expect(r.final?.testAcc).toBeGreaterThan(0)
    }
  })

  it('renames, tags, re-runs and deletes an experiment', async () => {
    const { experimentId } = await app.service.call('startLab', {
      labId: 'optimizers-mnist',
      params: { iterations: 5, evalEvery: 5, hidden: [8], optimizers: [{ kind: 'sgd' }] },
    })
    await app.runs.whenIdle()
    await app.service.call('renameExperiment', { experimentId, name: 'first try' })
    await app.service.call('setExperimentTags', { experimentId, tags: ['week6', 'week6', 'demo'] })
    let list = await app.service.call('listExperiments', { tag: 'demo' })
    expect(list.map((e) => [e.name, e.tags])).toEqual([['first try', ['week6', 'demo']]])
    await expect(app.service.handle('renameExperiment', { experimentId, name: '  ' })).rejects.toThrow(/name must not be empty/)
    const again = await app.service.call('rerunExperiment', { experimentId })
    await app.runs.whenIdle()
    const a = await app.service.call('getExperiment', { experimentId })
    const b = await app.service.call('getExperiment', { experimentId: again.experimentId })
    expect(b.runs[0]!.series).toEqual(a.runs[0]!.series) // same settings and seed: same numbers
    expect(b.experiment.name).toBe('first try (re-run)')
    // The app names a re-run in the user's language.
    const named = await app.service.call('rerunExperiment', { experimentId, name: '첫 시도 (다시 실행)' })
    await app.runs.whenIdle()
    expect((await app.service.call('getExperiment', { experimentId: named.experimentId })).experiment.name).toBe('첫 시도 (다시 실행)')
    await app.service.call('deleteExperiment', { experimentId: named.experimentId })
    await app.service.call('deleteExperiment', { experimentId })
    list = await app.service.call('listExperiments', {})
    expect(list.map((e) => e.id)).toEqual([again.experimentId])
    expect(app.store.getRuns([a.runs[0]!.id])).toEqual([])
  })

  it('reports where the database and data live', async () => {
    const info = await app.service.call('appInfo', {})
    expect(info.dbPath.startsWith(t.dir)).toBe(true)
    expect(info.datasets[0]?.kind).toBe('builtin-mnist')
  })
})
