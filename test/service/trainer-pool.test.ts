/**
 * The warm trainer pool and the fair queue, with real trainer processes (child_process.fork of
 * src/trainer/main.ts) and a real SQLite store.
 */
import { fork } from 'node:child_process'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { resolveTrainerEntry, type SpawnTrainer } from '../../src/main/runs/port'
import type { LabEvent } from '../../src/shared/events'
import type { RunRecord } from '../../src/shared/records'
import { makeApp, tempDir, tinySpec, until } from './helpers'

let t: ReturnType<typeof tempDir>
beforeEach(() => {
  t = tempDir()
})
afterEach(() => t.cleanup())

type App = ReturnType<typeof makeApp>

/** The real trainer, forked like nodeForkSpawner does, remembering each child's pid. */
function trackedSpawner(): { spawn: SpawnTrainer; pids: number[] } {
  const entry = resolveTrainerEntry()
  const pids: number[] = []
  const spawn: SpawnTrainer = () => {
    const child = fork(entry.modulePath, [], { execArgv: entry.execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' })
    pids.push(child.pid!)
    let stderr = ''
    child.stderr?.on('data', (d) => (stderr += d))
    return {
      send: (m) => child.connected && child.send(m),
      onMessage: (cb) => child.on('message', cb),
      onExit: (cb) => child.once('exit', (code, signal) => cb(code, [signal, stderr.trim()].filter(Boolean).join(': '))),
      kill: () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      },
    }
  }
  return { spawn, pids }
}

function addRuns(app: App, specs: ReturnType<typeof tinySpec>[], name = 'test'): { expId: number; runs: RunRecord[] } {
  const exp = app.store.createExperiment({ labId: 'builder', name, params: {}, seed: 7 })
  return { expId: exp.id, runs: app.store.addRuns(exp.id, specs.map((spec, i) => ({ label: `r${i}`, meta: {}, spec }))) }
}

function seriesOf(app: App, runId: number): Record<string, { steps: number[]; values: number[] }> {
  const run = app.store.getRuns([runId])[0]!
  expect(run.status).toBe('finished')
  return Object.fromEntries(run.series.map((s) => [s.series, { steps: s.steps, values: s.values }]))
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('warm trainer pool', () => {
  it('reuses one trainer for runs in turn, and a reused trainer gives the same series bit for bit as a fresh process', async () => {
    const a = tinySpec()
    const b = tinySpec({ optimizer: { kind: 'momentum', lr: 0.05, momentum: 0.9 }, network: { hidden: [{ width: 32 }, { width: 8 }], init: { kind: 'xavier' } }, seed: 3 })
    // one long-lived trainer: A, then B (another network, optimizer and seed), then A twice
    // (the last on the prepared data the one before it left)
    const pooled = makeApp(t.dir, { maxParallel: 1 })
    const p = addRuns(pooled, [a, b, a, a])
    pooled.runs.enqueue(p.runs)
    await pooled.runs.whenIdle()
    expect(pooled.runs.poolStats()).toMatchObject({ started: 1, reused: 3, alive: 1, idle: 1 })
    // a fresh process per run
    const fresh = makeApp(`${t.dir}`, { maxParallel: 1, pool: { recycleAfterRuns: 1 } })
    const f = addRuns(fresh, [a, b])
    fresh.runs.enqueue(f.runs)
    await fresh.runs.whenIdle()
    expect(fresh.runs.poolStats()).toMatchObject({ started: 2, reused: 0, recycled: 2 })
    const freshA = seriesOf(fresh, f.runs[0]!.id)
    expect(Object.keys(freshA).sort()).toEqual(['loss', 'testAcc', 'trainAcc'])
    expect(seriesOf(pooled, p.runs[0]!.id)).toEqual(freshA)
    expect(seriesOf(pooled, p.runs[2]!.id)).toEqual(freshA) // third run on the same process
    expect(seriesOf(pooled, p.runs[3]!.id)).toEqual(freshA)
    expect(seriesOf(pooled, p.runs[1]!.id)).toEqual(seriesOf(fresh, f.runs[1]!.id))
    pooled.close()
    fresh.close()
  })

  it('recycles a trainer after N runs or above M MB resident', async () => {
    const byCount = makeApp(t.dir, { maxParallel: 1, pool: { recycleAfterRuns: 2 } })
    const c = addRuns(byCount, [tinySpec(), tinySpec(), tinySpec()])
    byCount.runs.enqueue(c.runs)
    await byCount.runs.whenIdle()
    expect(byCount.runs.poolStats()).toMatchObject({ started: 2, reused: 1, recycled: 1 })
    byCount.close()
    const byMemory = makeApp(t.dir, { maxParallel: 1, pool: { recycleAboveMB: 1 } }) // every trainer is above 1 MB
    const m = addRuns(byMemory, [tinySpec(), tinySpec()])
    byMemory.runs.enqueue(m.runs)
    await byMemory.runs.whenIdle()
    expect(byMemory.runs.poolStats()).toMatchObject({ started: 2, reused: 0, recycled: 2 })
    byMemory.close()
  })

  it('a trainer killed mid-run fails only its run; the other trainer goes on and a replacement takes the queue', async () => {
    const { spawn, pids } = trackedSpawner()
    const app = makeApp(t.dir, { maxParallel: 2, spawn })
    const long = tinySpec({ budget: { unit: 'iterations', count: 400 } })
    const { runs } = addRuns(app, [tinySpec({ budget: { unit: 'iterations', count: 100_000 } }), long, tinySpec()])
    app.runs.enqueue(runs)
    await until(() => (app.runs.active().find((r) => r.runId === runs[0]!.id)?.done ?? 0) > 0)
    process.kill(pids[0]!, 'SIGKILL') // the first run's trainer: out of memory, a signal
    await app.runs.whenIdle()
    const [victim, other, next] = app.store.getRuns(runs.map((r) => r.id))
    expect(victim!.status).toBe('failed')
    expect(victim!.error).toMatch(/trainer process exited unexpectedly.*SIGKILL/)
    expect(other!.status).toBe('finished')
    expect(next!.status).toBe('finished')
    expect(app.runs.poolStats()).toMatchObject({ discarded: 1 })
    expect(alive(pids[1]!)).toBe(true) // the other trainer is still warm
    app.close()
    await until(() => pids.every((pid) => !alive(pid)), 5000) // close ends every trainer
  })

  it('cancel kills the run\'s trainer and the pool replaces it', async () => {
    const { spawn, pids } = trackedSpawner()
    const app = makeApp(t.dir, { maxParallel: 1, spawn })
    const { runs } = addRuns(app, [tinySpec({ budget: { unit: 'iterations', count: 100_000 } }), tinySpec()])
    app.runs.enqueue(runs)
    await until(() => (app.runs.active()[0]?.done ?? 0) > 0)
    expect(app.runs.cancelRun(runs[0]!.id)).toBe(true)
    await app.runs.whenIdle()
    expect(app.store.getRuns(runs.map((r) => r.id)).map((r) => r.status)).toEqual(['cancelled', 'finished'])
    expect(pids.length).toBe(2)
    await until(() => !alive(pids[0]!), 5000)
    expect(app.runs.poolStats()).toMatchObject({ started: 2, discarded: 1, alive: 1 })
    app.close()
  })

  it('keeps trainers warm from the start when asked (the app modes) and replaces a discarded one at once', async () => {
    const { spawn, pids } = trackedSpawner()
    const app = makeApp(t.dir, { maxParallel: 2, spawn, warmTrainers: true })
    expect(pids.length).toBe(2) // started with the app, before any run
    const { runs } = addRuns(app, [tinySpec({ budget: { unit: 'iterations', count: 100_000 } })])
    app.runs.enqueue(runs)
    await until(() => (app.runs.active()[0]?.done ?? 0) > 0)
    app.runs.cancelRun(runs[0]!.id)
    expect(pids.length).toBe(3)
    expect(app.runs.poolStats()).toMatchObject({ alive: 2, idle: 2 })
    app.close()
  })
})

describe('fair scheduling', () => {
  it('takes runs in turn per experiment and says what a queued run waits behind', async () => {
    const app = makeApp(t.dir, { maxParallel: 1 })
    const events: LabEvent[] = []
    app.service.onEvent((e) => events.push(e))
    const search = addRuns(app, Array.from({ length: 4 }, () => tinySpec({ budget: { unit: 'iterations', count: 20 } })), 'Random search')
    const lab2 = addRuns(app, [tinySpec({ budget: { unit: 'iterations', count: 20 } }), tinySpec({ budget: { unit: 'iterations', count: 20 } })], 'Optimizers')
    app.runs.enqueue(search.runs)
    app.runs.enqueue(lab2.runs)
    const active = app.runs.active()
    const [s, l] = [search.runs.map((r) => r.id), lab2.runs.map((r) => r.id)]
    const firstLab2 = active.find((r) => r.runId === l[0])!
    expect(firstLab2.status).toBe('queued')
    // search's first run is running; the lab's first run is next
    expect(firstLab2.waitingBehind).toEqual([{ experimentId: search.expId, name: 'Random search', runs: 1 }])
    const lastSearch = active.find((r) => r.runId === s[3])!
    expect(lastSearch.waitingBehind).toEqual([
      { experimentId: search.expId, name: 'Random search', runs: 3 },
      { experimentId: lab2.expId, name: 'Optimizers', runs: 2 },
    ])
    expect(active.find((r) => r.runId === s[0])!.waitingBehind).toBeUndefined()
    await app.runs.whenIdle()
    const started = events.filter((e) => e.type === 'run.status' && e.status === 'running').map((e) => (e as { runId: number }).runId)
    expect(started).toEqual([s[0], l[0], s[1], l[1], s[2], s[3]])
    app.close()
  })

  it('groups by the caller\'s key when one is given (a client in --lan mode)', async () => {
    const app = makeApp(t.dir, { maxParallel: 1 })
    const spec = tinySpec({ budget: { unit: 'iterations', count: 10 } })
    const a1 = addRuns(app, [spec, spec], 'A1')
    const a2 = addRuns(app, [spec], 'A2')
    const b = addRuns(app, [spec], 'B')
    app.runs.enqueue(a1.runs, { group: 'client:alice' })
    app.runs.enqueue(a2.runs, { group: 'client:alice' })
    app.runs.enqueue(b.runs, { group: 'client:bob' })
    const order = app.runs.active().filter((r) => r.status === 'queued').map((r) => r.runId)
    expect(order.length).toBe(3)
    const events: LabEvent[] = []
    app.service.onEvent((e) => events.push(e))
    await app.runs.whenIdle()
    const started = events.filter((e) => e.type === 'run.status' && e.status === 'running').map((e) => (e as { runId: number }).runId)
    // alice's first run was already running; then bob, then alice's other two in her order
    expect(started).toEqual([b.runs[0]!.id, a1.runs[1]!.id, a2.runs[0]!.id])
    app.close()
  })
})
