/**
 * Issue 9, point 9: saveSpec refusals, one-sentence start-up errors, --db validation, CSV formula
 * neutralisation, a corrupt database refused at open and left untouched.
 */
import { createHash } from 'node:crypto'
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { experimentCsv, experimentWideCsv } from '../../src/figures/csv'
import { DatabaseOpenError, Store } from '../../src/main/store'
import { tinySpec } from '../service/helpers'
import { cliSync, collect, nodeTs } from './procs'
import { pageClient, startHarness } from './server'
import { mountTmpfs, probeTmpfs } from './tmpfs'

const dir = mkdtempSync(join(tmpdir(), 'glab-small-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex')

/** Starts browser mode and waits for it to exit; returns its code and stderr. */
async function webExit(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = nodeTs('src/main/web/main.ts', args)
  const logs = collect(child)
  const code = await new Promise<number | null>((resolve) => {
    child.once('exit', (c) => resolve(c))
    setTimeout(() => {
      if (child.exitCode === null) child.kill('SIGKILL')
    }, 60_000).unref()
  })
  return { code, stderr: logs.err() }
}

const oneSentence = (stderr: string) => {
  const lines = stderr.trim().split('\n')
  expect(lines, stderr).toHaveLength(1)
  expect(stderr).not.toMatch(/^\s+at /m)
}

describe('saveSpec', () => {
  it('refuses a non-builder kind and non-builder parameters instead of storing builder defaults', async () => {
    const h = await startHarness()
    try {
      const client = await pageClient(h.base)
      const other = await client.call('saveSpec', { name: 'race', kind: 'optimizers-mnist', spec: { iterations: 10 } })
      expect(other.status).toBe(400)
      expect(other.body.error).toBe("kind: only 'builder' specs can be saved, got 'optimizers-mnist'")
      const lab2 = await client.call('saveSpec', { name: 'race', spec: { iterations: 10, optimizers: [] } })
      expect(lab2.status).toBe(400)
      expect(lab2.body.error).toBe('spec: not builder parameters: iterations, optimizers')
      expect(h.app.store.listSpecs()).toEqual([])
      expect((await client.call('saveSpec', { name: 'mine', spec: { hidden: [{ width: 20 }] } })).status).toBe(200)
    } finally {
      await h.close()
    }
  })
})

describe('--db', () => {
  it('refuses an empty path, /dev/null and a folder (CLI exit 2, web one sentence); nothing is created', async () => {
    for (const db of ['', '/dev/null', dir]) {
      const r = cliSync(['list', '--db', db])
      expect(r.code, `${db}: ${r.stderr}`).toBe(2)
      oneSentence(r.stderr)
      const w = await webExit(['--port', '0', '--db', db])
      expect(w.code).toBe(1)
      oneSentence(w.stderr)
    }
    expect(existsSync('/dev/null-journal')).toBe(false)
    expect(existsSync('/dev/null-wal')).toBe(false)
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true)
  })

  const cannotMount = probeTmpfs()
  it.skipIf(cannotMount !== null)('an unwritable folder is reported as such, in one sentence (read-only tmpfs)', async () => {
    const m = mountTmpfs('1m', 'ro')
    if (typeof m === 'string') throw new Error(m)
    try {
      const w = await webExit(['--port', '0', '--db', join(m.dir, 'lab.db')])
      expect(w.code).toBe(1)
      oneSentence(w.stderr)
      expect(w.stderr).toMatch(/is not writable \(read-only file system\)/)
      expect(w.stderr).not.toMatch(/not a Gradient Lab database/)
      const r = cliSync(['list', '--db', join(m.dir, 'sub', 'lab.db')])
      expect(r.code).toBe(2)
      expect(r.stderr).toMatch(/cannot create the folder .*sub for the database \(read-only file system\)/)
    } finally {
      m.unmount()
    }
  })

  it('a port in use is one sentence', async () => {
    const h = await startHarness()
    try {
      const port = new URL(h.base).port
      const w = await webExit(['--port', port, '--db', join(dir, 'port.db')])
      expect(w.code).toBe(1)
      oneSentence(w.stderr)
      expect(w.stderr).toMatch(new RegExp(`port ${port} is already in use`))
    } finally {
      await h.close()
    }
  })
})

describe('a corrupt database', () => {
  it('is refused at open, clearly, and left untouched', async () => {
    const path = join(dir, 'corrupt.db')
    const s = Store.open(path)
    const { runs } = s.createExperimentWithRuns({ labId: 'builder', name: 'x', params: {}, seed: 1 }, [{ label: 'r', meta: {}, spec: tinySpec() }])
    const steps = Array.from({ length: 20_000 }, (_, i) => i)
    s.appendSeries(runs[0]!.id, [{ series: 'loss', steps, values: steps.map((i) => 1 / (i + 1)) }])
    s.close() // checkpoints the WAL into the file
    const size = statSync(path).size
    const fd = openSync(path, 'r+')
    writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, Math.floor(size / 2 / 4096) * 4096) // one page in the middle
    closeSync(fd)
    const before = sha(path)
    expect(() => Store.open(path)).toThrow(DatabaseOpenError)
    expect(() => Store.open(path)).toThrow(/corrupt\.db is damaged \(.*\); it was left untouched: restore a copy or use another --db path\./)
    expect(sha(path)).toBe(before)
    const w = await webExit(['--port', '0', '--db', path])
    expect(w.code).toBe(1)
    oneSentence(w.stderr)
    expect(w.stderr).toMatch(/is damaged/)
    expect(sha(path)).toBe(before)
  })
})

describe('CSV', () => {
  it('neutralises cells a spreadsheet would run as formulas; numbers stay numbers', () => {
    const path = join(dir, 'csv.db')
    const s = Store.open(path)
    try {
      const labels = ['=HYPERLINK("http://evil.example","x")', '+1+2', '-2+3', '@SUM(A1)', '\tTAB', 'plain']
      const { experiment, runs } = s.createExperimentWithRuns(
        { labId: 'builder', name: 'csv', params: {}, seed: 1 },
        labels.map((label) => ({ label, meta: {}, spec: tinySpec() })),
      )
      for (const r of runs) s.appendSeries(r.id, [{ series: 'loss', steps: [0], values: [-0.5] }])
      const detail = s.getExperiment(experiment.id)!
      const long = experimentCsv(detail).split('\r\n')
      expect(long[1]).toBe(`${runs[0]!.id},"'=HYPERLINK(""http://evil.example"",""x"")",loss,0,-0.5`)
      expect(long.slice(2, 7).map((l) => l.split(',')[1])).toEqual(["'+1+2", "'-2+3", "'@SUM(A1)", "'\tTAB", 'plain'])
      const header = experimentWideCsv(detail, 'loss').split('\r\n')[0]!
      expect(header.startsWith(`step,"'=HYPERLINK`)).toBe(true)
      expect(experimentWideCsv(detail, 'loss').split('\r\n')[1]).toBe(`0,${Array(6).fill('-0.5').join(',')}`)
    } finally {
      s.close()
    }
  })
})

