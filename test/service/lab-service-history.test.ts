/** LabService, issue 4 channels: resume a search, bundles, saved specs. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeApp, tempDir, until } from './helpers'

let t: ReturnType<typeof tempDir>
beforeEach(() => {
  t = tempDir()
})
afterEach(() => t.cleanup())

const tinySearch = { trials: 4, budget: { unit: 'epochs', count: 2 }, hidden: [{ width: 12 }], trainSize: 100 }

describe('LabService: search, bundles, specs', () => {
  it('a paused search keeps its finished trials and resumes the rest, also after a restart', async () => {
    const app = makeApp(t.dir, { maxParallel: 1 })
    const { experimentId, runIds } = await app.service.call('startLab', { labId: 'random-search', params: tinySearch })
    expect(runIds).toHaveLength(4)
    await until(() => app.store.getRun(runIds[0]!)?.status === 'finished')
    await app.service.call('cancelExperiment', { experimentId }) // pause
    await app.runs.whenIdle()
    const paused = await app.service.call('getExperiment', { experimentId })
    const finishedBefore = paused.runs.filter((r) => r.status === 'finished').map((r) => r.id)
    expect(finishedBefore.length).toBeGreaterThanOrEqual(1)
    expect(paused.runs.some((r) => r.status === 'cancelled')).toBe(true)
    app.close()

    const again = makeApp(t.dir, { maxParallel: 1 }) // the app restarts
    const { requeued } = await again.service.call('resumeExperiment', { experimentId })
    expect(requeued).toBe(4 - finishedBefore.length)
    await again.runs.whenIdle()
    const done = await again.service.call('getExperiment', { experimentId })
    expect(done.experiment.status).toBe('finished')
    expect(done.runs.filter((r) => finishedBefore.includes(r.id)).every((r) => r.status === 'finished')).toBe(true)
    for (const r of done.runs) {
      expect(r.final?.valAcc).toBeGreaterThanOrEqual(0)
      expect(r.final?.testAcc).toBeNull() // a search compares on validation only
      expect(Object.keys(r.meta.hyperparameters as object)).toEqual(['lr', 'weightDecay'])
    }
    again.close()
  })

  it('a child search over narrowed ranges is linked to its parent', async () => {
    const app = makeApp(t.dir)
    const parent = await app.service.call('startLab', { labId: 'random-search', params: { ...tinySearch, trials: 1 } })
    const ranges = [
      { param: 'lr', min: 1e-3, max: 1e-2, scale: 'log' },
      { param: 'weightDecay', min: 1e-6, max: 1e-5, scale: 'log' },
    ]
    const child = await app.service.call('startLab', { labId: 'random-search', params: { ...tinySearch, trials: 2, ranges }, parentId: parent.experimentId })
    await app.runs.whenIdle()
    const d = await app.service.call('getExperiment', { experimentId: child.experimentId })
    expect(d.experiment.parentId).toBe(parent.experimentId)
    for (const r of d.runs) {
      const { lr, weightDecay } = r.meta.hyperparameters as { lr: number; weightDecay: number }
      expect(lr).toBeGreaterThanOrEqual(1e-3)
      expect(lr).toBeLessThanOrEqual(1e-2)
      expect(weightDecay).toBeGreaterThanOrEqual(1e-6)
      expect(weightDecay).toBeLessThanOrEqual(1e-5)
    }
    await expect(
      app.service.handle('startLab', { labId: 'random-search', params: { ranges: [{ param: 'lr', min: 0, max: 1 }] } }),
    ).rejects.toThrow(/params\.ranges\.0\.min: a log range needs min > 0/)
    app.close()
  })

  it('exports a bundle and imports it into a fresh database; a bad bundle changes nothing', async () => {
    const a = makeApp(t.dir)
    const { experimentId } = await a.service.call('startLab', { labId: 'builder', params: { hidden: [{ width: 8 }], budget: { unit: 'iterations', count: 5 }, trainSize: 200 } })
    await a.runs.whenIdle()
    const bundle = await a.service.call('exportBundle', { experimentIds: [experimentId] })
    const original = await a.service.call('getExperiment', { experimentId })
    a.close()
    const t2 = tempDir()
    const b = makeApp(t2.dir)
    await expect(b.service.handle('importBundle', { bundle: { ...bundle, version: 2 } })).rejects.toThrow(/version/)
    await expect(b.service.handle('importBundle', { bundle: 'nope' })).rejects.toThrow()
    expect(await b.service.call('listExperiments', {})).toEqual([])
    const { experimentIds } = await b.service.call('importBundle', { bundle })
    const copy = await b.service.call('getExperiment', { experimentId: experimentIds[0]! })
    expect(copy.experiment.name).toBe(original.experiment.name)
    expect(copy.runs.map((r) => r.series)).toEqual(original.runs.map((r) => r.series))
    b.close()
    t2.cleanup()
  })

  it('saves builder specs by name, validated', async () => {
    const app = makeApp(t.dir)
    await expect(app.service.handle('saveSpec', { name: 'bad', spec: { hidden: [{ width: 0 }] } })).rejects.toThrow(/spec\.hidden\.0\.width/)
    await app.service.call('saveSpec', { name: 'deep', spec: { hidden: [{ width: 50 }, { width: 50, batchNorm: true }] } })
    const specs = await app.service.call('listSpecs', {})
    expect(specs.map((s) => s.name)).toEqual(['deep'])
    expect((specs[0]!.spec as { hidden: { batchNorm: boolean }[] }).hidden[1]!.batchNorm).toBe(true)
    expect(await app.service.call('deleteSpec', { name: 'deep' })).toEqual({ deleted: true })
    app.close()
  })
})
