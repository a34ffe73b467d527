/** The CLI as a user runs it: a real process (tsx), a real database file. */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Store } from '../../src/main/store/store'
import { countColor, decodePng, type DecodedPng } from '../figures/decode'
import { tempDir } from '../service/helpers'

const root = resolve(__dirname, '../..')
let t: ReturnType<typeof tempDir>
beforeEach(() => {
  t = tempDir()
})
afterEach(() => t.cleanup())

function cliWith(env: NodeJS.ProcessEnv, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}
const cli = (...args: string[]) => cliWith({}, ...args)

/** A fontconfig setup that sees no font at all (an empty folder): only the shipped font can draw text. */
function noSystemFonts(dir: string): NodeJS.ProcessEnv {
  const empty = join(dir, 'no-fonts')
  mkdirSync(empty, { recursive: true })
  const conf = join(dir, 'fonts.conf')
  writeFileSync(conf, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${empty}</dir><cachedir>${join(dir, 'fc-cache')}</cachedir></fontconfig>\n`)
  return { FONTCONFIG_FILE: conf }
}

/** Pixels darker than mid-grey in the rows [y0, y1). */
function ink(png: DecodedPng, y0: number, y1: number): number {
  let n = 0
  for (let i = y0 * png.width * 4; i < y1 * png.width * 4; i += 4) if (png.rgba[i] + png.rgba[i + 1] + png.rgba[i + 2] < 3 * 128) n++
  return n
}

describe('gradient-lab CLI', () => {
  it('lists presets with their keys', () => {
    const r = cli('presets')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('optimizers-mnist')
    expect(r.stdout).toContain('lr.*')
  })

  it.each([
    [['--set', 'colour=blue'], /unknown key 'colour'/],
    [['--set', 'lr.adam=-0.1'], /lr\.adam: must be > 0/],
    [['--set', 'iterations=lots'], /iterations: 'lots' is not a number/],
    [['--set', 'iterations=0'], /iterations: must be > 0/],
    [['--set', 'optimizers=sgd,lion'], /optimizers: unknown optimizer 'lion'/],
    [['--set', 'hidden=100,0'], /hidden: must be > 0/],
    [['--seed', '-1'], /seed: must be ≥ 0/],
  ])('refuses %j with exit code 2 and writes nothing', (args, message) => {
    const db = join(t.dir, 'cli.db')
    const r = cli('run', 'optimizers-mnist', ...args, '--db', db)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
    expect(existsSync(db)).toBe(false)
  })

  it('refuses an unknown preset and an unknown command with exit code 2', () => {
    expect(cli('run', 'no-such-preset').code).toBe(2)
    expect(cli('fly').code).toBe(2)
  })

  it('runs a preset with --json: one object on stdout, progress on stderr, stored in the db', () => {
    const db = join(t.dir, 'cli.db')
    const r = cli('run', 'optimizers-mnist', '--set', 'iterations=20', '--set', 'evalEvery=10', '--set', 'hidden=16',
      '--set', 'optimizers=sgd,adam', '--set', 'lr.adam=0.002', '--seed', '3', '--db', db, '--json')
    expect(r.code, r.stderr).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report.preset).toBe('optimizers-mnist')
    expect(report.seed).toBe(3)
    expect(report.runs.map((x: { optimizer: string }) => x.optimizer)).toEqual(['sgd', 'adam'])
    expect(report.runs[1].hyperparameters).toEqual({ lr: 0.002, beta1: 0.9, beta2: 0.999 })
    for (const run of report.runs) {
      expect(run.series.loss).toHaveLength(20)
      expect(typeof run.final.loss).toBe('number')
      expect(run.final.trainAcc).toBeGreaterThan(0)
      expect(run.final.testAcc).toBeGreaterThan(0)
    }
    expect(r.stderr).toContain('100%')
    const store = Store.open(db)
    expect(store.listExperiments({}).map((e) => e.id)).toEqual([report.experimentId])
    store.close()
    const list = cli('list', '--db', db, '--json')
    expect(JSON.parse(list.stdout)[0].id).toBe(report.experimentId)
  })
})

describe('gradient-lab export and import', () => {
  it('exports png, csv, json and a bundle, and imports the bundle into another database', () => {
    const db = join(t.dir, 'a.db')
    const r = cli('run', 'optimizers-mnist', '--set', 'iterations=10', '--set', 'evalEvery=5', '--set', 'hidden=8', '--set', 'optimizers=sgd', '--db', db, '--json')
    expect(r.code, r.stderr).toBe(0)
    const id = String(JSON.parse(r.stdout).experimentId)
    const out = join(t.dir, 'out')
    const files: Record<string, string> = {}
    for (const format of ['png', 'csv', 'json', 'bundle']) {
      const e = cli('export', id, '--format', format, '--out', out, '--db', db)
      expect(e.code, e.stderr).toBe(0)
      const [first, second] = e.stdout.trim().split('\n')
      files[format] = first!
      if (second) files[`${format}-inside`] = second
      expect(existsSync(files[format]!)).toBe(true)
    }
    // CSV export writes the layer snapshots (issue 12) beside the curves
    expect(readFileSync(files['csv-inside']!, 'utf8').split(/\r?\n/)[0]).toBe('run_id,label,step,layer,kind,quantity,bin_lo,bin_hi,value')
    expect(readFileSync(files.png!).subarray(1, 4).toString()).toBe('PNG')
    expect(readFileSync(files.png!).includes(Buffer.from('"seed":1'))).toBe(true)
    expect(readFileSync(files.csv!, 'utf8').split(/\r?\n/)[0]).toBe('run_id,label,series,step,value')
    const json = JSON.parse(readFileSync(files.json!, 'utf8'))
    expect(json.runs[0].series.loss).toHaveLength(10)
    expect(json.runs[0].snapshots.map((s: { step: number }) => s.step)).toEqual([0, 5, 10])

    const other = join(t.dir, 'b.db')
    const bad = join(t.dir, 'bad.json')
    writeFileSync(bad, JSON.stringify({ format: 'gradient-lab-bundle', version: 1, exportedAt: 'x', experiments: [{}] }))
    const refused = cli('import', bad, '--db', other)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('bad.json:')
    const imported = cli('import', files.bundle!, '--db', other, '--json')
    expect(imported.code, imported.stderr).toBe(0)
    const [newId] = JSON.parse(imported.stdout).experimentIds
    const store = Store.open(other)
    expect(store.listExperiments({}).map((e) => e.id)).toEqual([newId]) // the refused bundle left nothing
    // the bundle carried each run's inside record, digits and tiles included
    const [run] = store.getExperiment(newId)!.runs
    const inside = store.getInside(run!.id)!
    expect(inside.frames.map((f) => f.step)).toEqual([0, 5, 10])
    expect(inside.digits?.labels).toHaveLength(32)
    expect(inside.frames.every((f) => f.tiles !== undefined)).toBe(true)
    store.close()
  })

  it('refuses a bad export with exit code 2', () => {
    expect(cli('export', '99', '--format', 'png', '--out', t.dir, '--db', join(t.dir, 'x.db')).stderr).toMatch(/experiment 99 does not exist/)
    expect(cli('export', '1', '--format', 'gif', '--out', t.dir).code).toBe(2)
    expect(cli('export', 'abc', '--format', 'png', '--out', t.dir).code).toBe(2)
  })

  it('exports a Korean-named lab 1 experiment with Hangul and contours while the system has no fonts at all', () => {
    const db = join(t.dir, 'ko.db')
    const r = cli('run', 'paths-2d', '--db', db, '--json')
    expect(r.code, r.stderr).toBe(0)
    const id = JSON.parse(r.stdout).experimentId as number
    const env = noSystemFonts(t.dir)
    const exportAs = (name: string, out: string) => {
      const store = Store.open(db)
      store.renameExperiment(id, name)
      store.close()
      const e = cliWith(env, 'export', String(id), '--format', 'png', '--out', join(t.dir, out), '--db', db)
      expect(e.code, e.stderr).toBe(0)
      return decodePng(readFileSync(e.stdout.trim()))
    }
    const korean = exportAs('경사 하강법 경로 비교', 'ko')
    // The same title length in a script the shipped font lacks (Thai): what Hangul would look like as missing glyphs.
    const missing = exportAs('\u0e01\u0e02 \u0e03\u0e04\u0e05 \u0e06\u0e07 \u0e08\u0e09', 'th')
    expect(korean.text.Title).toBe('경사 하강법 경로 비교')
    const title = (p: DecodedPng) => ink(p, 0, 36)
    expect(title(korean)).toBeGreaterThan(300) // the title is drawn …
    expect(Math.abs(title(korean) - title(missing))).toBeGreaterThan(100) // … and not as the missing-glyph boxes
    expect(ink(korean, korean.height - 30, korean.height)).toBeGreaterThan(80) // the Latin footer too
    expect(countColor(korean, '#c4d6f0', 12) + countColor(korean, '#d8e4f5', 8)).toBeGreaterThan(20_000) // lab 1's contour bands
  })
})
