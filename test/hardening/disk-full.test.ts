/**
 * A full disk: the database lives on a small tmpfs that is filled while a run trains. The run
 * fails saying the disk is full, the server stays up and answers, nothing escapes as an uncaught
 * exception, and once there is room again the failed run's end is recorded and the next start works.
 * Skipped, with the reason, where this machine cannot mount a tmpfs.
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { LabEvent } from '../../src/shared/events'
import { waitFor } from './procs'
import { pageClient, startHarness } from './server'
import { mountTmpfs, probeTmpfs } from './tmpfs'

const cannotMount = probeTmpfs()
if (cannotMount) console.warn(`[skipped] disk-full tests: ${cannotMount}`)

/** Writes zeros to `path` until the file system says it is full. */
function fillDisk(path: string): void {
  const fd = openSync(path, 'w')
  const block = Buffer.alloc(64 * 1024)
  try {
    for (;;) writeSync(fd, block)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err
  } finally {
    closeSync(fd)
  }
}

const longRace = { labId: 'optimizers-mnist', params: { iterations: 100000, evalEvery: 100000, hidden: [32], optimizers: [{ kind: 'sgd' }] } }
const shortRace = { labId: 'optimizers-mnist', params: { iterations: 20, evalEvery: 10, hidden: [8], optimizers: [{ kind: 'sgd' }] } }

describe.skipIf(cannotMount !== null)('a full disk', () => {
  it('fails the run saying the disk is full; the server stays up and the next start works', async () => {
    const m = mountTmpfs('6m')
    if (typeof m === 'string') throw new Error(m)
    const h = await startHarness({ dbPath: join(m.dir, 'lab.db') })
    try {
      const events: LabEvent[] = []
      h.app.service.onEvent((e) => events.push(e))
      const client = await pageClient(h.base)
      const started = await client.call('startLab', longRace)
      expect(started.status).toBe(200)
      const runId = (started.body.runIds as number[])[0]!
      await waitFor('the first metrics', () => events.some((e) => e.type === 'run.metrics'), 60_000)
      fillDisk(join(m.dir, 'filler'))
      const failed = await waitFor('the run to fail', () => events.find((e): e is Extract<LabEvent, { type: 'run.failed' }> => e.type === 'run.failed'), 60_000)
      expect(failed.error).toMatch(/^the disk is full: could not save the run's metrics/)
      // the server still answers (reads need no room)
      const list = await client.call('listExperiments', {})
      expect(list.status).toBe(200)
      // a new start while the disk is still full is refused with the same reason, not a 500
      const refused = await client.call('startLab', shortRace)
      expect(refused.status, JSON.stringify(refused.body)).toBe(507)
      expect(refused.body.error).toMatch(/disk is full/)

      rmSync(join(m.dir, 'filler'))
      const next = await client.call('startLab', shortRace)
      expect(next.status, JSON.stringify(next.body)).toBe(200)
      await h.app.runs.whenIdle()
      const done = await client.call('getExperiment', { experimentId: next.body.experimentId })
      expect((done.body.experiment as { status: string }).status).toBe('finished')
      // the failed run's end was written once there was room again
      const first = await client.call('getRuns', { runIds: [runId] })
      const run = (first.body as unknown as { status: string; error: string }[])[0]!
      expect(run.status).toBe('failed')
      expect(run.error).toMatch(/disk is full/)
    } finally {
      await h.close()
      m.unmount()
    }
  })
})
