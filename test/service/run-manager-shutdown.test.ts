/** App quit: RunManager.shutdown ends every run 'interrupted' and starts no queued run meanwhile. */
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { SpawnTrainer } from '../../src/main/runs/port'
import { fixtureSpawner, makeApp, tempDir, tinySpec, until } from './helpers'

let t: ReturnType<typeof tempDir>
beforeEach(() => {
  t = tempDir()
})
afterEach(() => t.cleanup())

it('marks the running and the queued run interrupted and spawns no other trainer', async () => {
  let spawned = 0
  const hang = fixtureSpawner('hang')
  const counting: SpawnTrainer = () => {
    spawned++
    return hang()
  }
  const app = makeApp(t.dir, { maxParallel: 1, spawn: counting })
  const exp = app.store.createExperiment({ labId: 'builder', name: 'quit', params: {}, seed: 7 })
  const runs = app.store.addRuns(exp.id, [tinySpec(), tinySpec()].map((spec, i) => ({ label: `r${i}`, meta: {}, spec })))
  app.runs.enqueue(runs)
  await until(() => app.store.getRun(runs[0]!.id)?.status === 'running')
  app.runs.shutdown()
  const [a, b] = runs.map((r) => app.store.getRun(r.id)!)
  expect(a).toMatchObject({ status: 'interrupted', error: expect.stringMatching(/closed while this run was training/) })
  expect(b).toMatchObject({ status: 'interrupted', error: expect.stringMatching(/closed before this run started/) })
  expect(spawned, 'the queued run was never started').toBe(1)
  app.close()
})
