/**
 * Trainers die with their parent: `kill -9` of browser mode's server or of the CLI leaves no
 * trainer behind (each exits within a second), and the runs the dead process left 'running'
 * become 'interrupted' at the next open of the database, while a live owner's runs are untouched.
 * Real processes: the server and the CLI from source, real forked trainers, a real SQLite file.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { createLabApp } from '../../src/main/app'
import { HAS_PROC, alive, childrenOf, collect, isTrainer, nodeTs, waitFor } from './procs'

const dir = mkdtempSync(join(tmpdir(), 'glab-parent-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const LONG = ['--set', 'iterations=100000', '--set', 'evalEvery=100000', '--set', 'optimizers=sgd,adam']

/** Runs of the file that have stored metrics: their trainers are past start-up and training. */
function runsTraining(db: string): number {
  try {
    const raw = new Database(db, { readonly: true, fileMustExist: true })
    try {
      return raw.prepare('SELECT count(DISTINCT run_id) FROM metrics').pluck().get() as number
    } finally {
      raw.close()
    }
  } catch {
    return 0
  }
}

async function killAndCount(parentPid: number, child: ReturnType<typeof nodeTs>, db: string) {
  const trainers = await waitFor('two trainers', () => {
    const t = childrenOf(parentPid).filter(isTrainer)
    return t.length >= 2 ? t : null
  }, 60_000)
  await waitFor('both trainers to train', () => runsTraining(db) >= 2, 60_000)
  const exited = new Promise((r) => child.once('exit', r))
  process.kill(parentPid, 'SIGKILL')
  await exited
  const t0 = Date.now()
  await waitFor('the orphaned trainers to exit', () => trainers.every((p) => !alive(p)), 5000).catch(() => undefined)
  const exitMs = Date.now() - t0
  // (processes do not come back: those gone now are gone at the 5 s mark too)
  console.log(`[figures] ${trainers.length} trainers; ${trainers.filter(alive).length} left ${Math.min(exitMs, 5000)} ms after kill -9 of the parent`)
  return { trainers, left: trainers.filter(alive), exitMs }
}

describe.skipIf(!HAS_PROC)('trainers die with their parent', () => {
  it('kill -9 of the CLI: every trainer exits within a second; the next open marks its runs interrupted', async () => {
    const db = join(dir, 'cli.db')
    const cli = nodeTs('src/cli/main.ts', ['run', 'optimizers-mnist', ...LONG, '--db', db])
    const logs = collect(cli)
    const { trainers, left, exitMs } = await killAndCount(cli.pid!, cli, db)
    for (const p of left) process.kill(p, 'SIGKILL') // leave nothing behind even when the test fails
    expect(left, `trainers ${trainers.join(', ')} outlived the CLI (stderr: ${logs.err().slice(-300)})`).toEqual([])
    expect(exitMs).toBeLessThan(1000)

    const app = createLabApp({ mode: 'cli', dbPath: db })
    try {
      expect(app.interrupted).toBe(2)
      const [e] = app.store.listExperiments()
      const runs = app.store.getExperiment(e!.id)!.runs
      expect(runs.map((r) => r.status)).toEqual(['interrupted', 'interrupted'])
      expect(runs[0]!.error).toMatch(/stopped while this run was training/)
    } finally {
      app.close()
    }
  })

  it('kill -9 of the browser-mode server: every trainer exits within a second', async () => {
    const db = join(dir, 'web.db')
    const web = nodeTs('src/main/web/main.ts', ['--port', '0', '--db', db])
    const logs = collect(web)
    const url = await waitFor('the server URL', () => /is at (http:\S+)/.exec(logs.out())?.[1], 30_000)
    const cookie = await fetch(url).then((r) => r.headers.get('set-cookie')?.split(';')[0] ?? '')
    const res = await fetch(new URL('/api/startLab', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ labId: 'optimizers-mnist', params: { iterations: 100000, evalEvery: 100000, optimizers: [{ kind: 'sgd' }, { kind: 'adam' }] } }),
    })
    expect(res.status, await res.clone().text()).toBe(200)
    const { trainers, left, exitMs } = await killAndCount(web.pid!, web, db)
    for (const p of left) process.kill(p, 'SIGKILL')
    expect(left, `trainers ${trainers.join(', ')} outlived the server`).toEqual([])
    expect(exitMs).toBeLessThan(1000)
  })

  it("a live owner's running runs are left alone by another process opening the file", async () => {
    const db = join(dir, 'live.db')
    const cli = nodeTs('src/cli/main.ts', ['run', 'optimizers-mnist', ...LONG, '--db', db])
    try {
      await waitFor('two trainers', () => childrenOf(cli.pid!).filter(isTrainer).length >= 2, 60_000)
      const beside = createLabApp({ mode: 'cli', dbPath: db })
      try {
        expect(beside.interrupted).toBe(0)
        const [e] = beside.store.listExperiments()
        expect(beside.store.getExperiment(e!.id)!.runs.map((r) => r.status)).toEqual(['running', 'running'])
      } finally {
        beside.close()
      }
    } finally {
      const exited = new Promise((r) => cli.once('exit', r))
      cli.kill('SIGINT')
      await exited
    }
  })
})
