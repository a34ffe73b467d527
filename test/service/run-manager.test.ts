/** RunManager with real trainer processes (child_process.fork) and a real SQLite store. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LabEvent } from '../../src/shared/events'
import { fixtureSpawner, makeApp, tempDir, tinySpec, until } from './helpers'

let t: ReturnType<typeof tempDir>
beforeEach(() => {
  t = tempDir()
})
afterEach(() => t.cleanup())

function addRuns(app: ReturnType<typeof makeApp>, specs: ReturnType<typeof tinySpec>[]) {
  const exp = app.store.createExperiment({ labId: 'builder', name: 'test', params: {}, seed: 7 })
  return { exp, runs: app.store.addRuns(exp.id, specs.map((spec, i) => ({ label: `r${i}`, meta: {}, spec }))) }
}

describe('RunManager', () => {
  it('trains in a trainer process, streams batched metrics into SQLite and finishes', async () => {
    const app = makeApp(t.dir)
    const events: LabEvent[] = []
    app.service.onEvent((e) => events.push(e))
    const { runs } = addRuns(app, [tinySpec()])
    app.runs.enqueue(runs)
    await app.runs.whenIdle()
    const run = app.store.getRuns([runs[0]!.id])[0]!
    expect(run.status).toBe('finished')
    expect(run.final?.iterations).toBe(40)
    const loss = run.series.find((s) => s.series === 'loss')!
    expect(loss.steps).toEqual(Array.from({ length: 40 }, (_, i) => i))
    const acc = run.series.find((s) => s.series === 'testAcc')!
    expect(acc.steps[0]).toBe(0)
    expect(acc.steps.at(-1)).toBe(40) // the final evaluation, after 40 updates
    // metrics come in batches, never one message per iteration
    const metricEvents = events.filter((e) => e.type === 'run.metrics')
    expect(metricEvents.length).toBeGreaterThan(0)
    expect(metricEvents.length).toBeLessThan(40)
    expect(events.some((e) => e.type === 'run.finished')).toBe(true)
    app.close()
  })

  it('gives the same numbers for the same spec and seed (two processes)', async () => {
    const app = makeApp(t.dir)
    const { runs } = addRuns(app, [tinySpec(), tinySpec()])
    app.runs.enqueue(runs)
    await app.runs.whenIdle()
    const [a, b] = app.store.getRuns(runs.map((r) => r.id))
    expect(a!.series.find((s) => s.series === 'loss')!.values).toEqual(b!.series.find((s) => s.series === 'loss')!.values)
    app.close()
  })

  it('runs at most maxParallel at once and queues the rest', async () => {
    const app = makeApp(t.dir, { maxParallel: 1 })
    const { runs } = addRuns(app, [tinySpec(), tinySpec(), tinySpec()])
    app.runs.enqueue(runs)
    const seen: number[] = []
    const timer = setInterval(() => seen.push(app.runs.active().filter((r) => r.status === 'running').length), 10)
    await app.runs.whenIdle()
    clearInterval(timer)
    expect(Math.max(...seen)).toBe(1)
    expect(app.store.getRuns(runs.map((r) => r.id)).every((r) => r.status === 'finished')).toBe(true)
    app.close()
  })

  it('cancel kills the process and marks the run cancelled; queued runs of the experiment too', async () => {
    const app = makeApp(t.dir, { maxParallel: 1 })
    const long = tinySpec({ budget: { unit: 'iterations', count: 100_000 } })
    const { exp, runs } = addRuns(app, [long, long])
    app.runs.enqueue(runs)
    await until(() => (app.runs.active()[0]?.done ?? 0) > 0)
    expect(app.runs.cancelExperiment(exp.id)).toBe(2)
    await app.runs.whenIdle()
    expect(app.store.getRuns(runs.map((r) => r.id)).map((r) => r.status)).toEqual(['cancelled', 'cancelled'])
    app.close()
  })

  it('a crashing trainer fails its run with the error, and the next run still starts', async () => {
    const app = makeApp(t.dir, { spawn: fixtureSpawner('crash'), maxParallel: 1 })
    const { runs } = addRuns(app, [tinySpec(), tinySpec()])
    app.runs.enqueue(runs)
    await app.runs.whenIdle()
    const stored = app.store.getRuns(runs.map((r) => r.id))
    for (const r of stored) {
      expect(r.status).toBe('failed')
      expect(r.error).toMatch(/exited unexpectedly \(code 3\).*simulated crash/)
    }
    app.close()
  })

  it('a trainer sending a malformed message fails its run', async () => {
    const app = makeApp(t.dir, { spawn: fixtureSpawner('garbage') })
    const { runs } = addRuns(app, [tinySpec()])
    app.runs.enqueue(runs)
    await app.runs.whenIdle()
    expect(app.store.getRun(runs[0]!.id)?.error).toMatch(/malformed message/)
    app.close()
  })

  it('a diverging run fails with an explanation', async () => {
    const app = makeApp(t.dir)
    const { runs } = addRuns(app, [tinySpec({ optimizer: { kind: 'sgd', lr: 1e6 } })])
    app.runs.enqueue(runs)
    await app.runs.whenIdle()
    const run = app.store.getRun(runs[0]!.id)!
    expect(run.status).toBe('failed')
    expect(run.error).toMatch(/diverg/i)
    app.close()
  })

  it('runs left running by a previous session are marked interrupted at start-up', async () => {
    const app = makeApp(t.dir, { spawn: fixtureSpawner('hang') })
    const { runs } = addRuns(app, [tinySpec()])
    app.runs.enqueue(runs)
    await until(() => app.store.getRun(runs[0]!.id)?.status === 'running')
    app.store.close() // simulate a crash of the app: the store goes away with the run still 'running'
    const again = makeApp(t.dir)
    expect(again.interrupted).toBe(1)
    expect(again.store.getRun(runs[0]!.id)?.status).toBe('interrupted')
    again.close()
    // its store is gone, as after a crash: the failed write is caught (the trainer is killed anyway)
    expect(() => app.runs.shutdown()).not.toThrow()
  })
})

describe('RunManager and NaN', () => {
  it('a run whose loss becomes NaN fails with the divergence explanation, not a protocol error', async () => {
    const t2 = tempDir()
    const app = makeApp(t2.dir)
    const exp = app.store.createExperiment({ labId: 'builder', name: 'nan', params: {}, seed: 7 })
    const hidden = [16, 16, 16].map((width) => ({ width }))
    const spec = tinySpec({ network: { hidden, init: { kind: 'he' } }, optimizer: { kind: 'sgd', lr: 50 } })
    const runs = app.store.addRuns(exp.id, [{ label: 'nan', meta: {}, spec }])
    app.runs.enqueue(runs)
    await app.runs.whenIdle()
    const run = app.store.getRun(runs[0]!.id)!
    expect(run.status).toBe('failed')
    expect(run.error).toMatch(/^Training diverged at iteration \d+/)
    app.close()
    t2.cleanup()
  })
})
