import { existsSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DatasetError, clearDataCache, findDatasets, loadDataSource } from '../../src/main/data'
import { ensureBuiltinBin, idxLabels, labelsFor, writeIdxFolder } from './idx-helpers'

const BIN = resolve(__dirname, '../../resources/mnist-10k.bin')
const FASHION = '/usr/share/datasets/fashion-mnist'
const dirs: string[] = []
beforeAll(() => void ensureBuiltinBin())
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))
beforeEach(() => clearDataCache())

describe('findDatasets', () => {
  it('lists the built-in MNIST and known folders, saying why one is unavailable', () => {
    const good = writeIdxFolder({ gz: true })
    const partial = writeIdxFolder({ tamper: { 't10k-labels-idx1-ubyte': () => null } })
    dirs.push(good, partial)
    const list = findDatasets({
      builtinPath: '/nonexistent/mnist-10k.bin',
      knownFolders: [
        { id: 'good', name: 'Good', dir: good, install: 'n/a', installCommand: 'n/a' },
        { id: 'partial', name: 'Partial', dir: partial, install: 'n/a', installCommand: 'n/a' },
        { id: 'absent', name: 'Absent', dir: '/nonexistent/absent', install: 'apt-get install dataset-absent', installCommand: 'apt-get install dataset-absent' },
      ],
    })
    expect(list.map((d) => [d.id, d.kind, d.available])).toEqual([
      ['builtin-mnist', 'builtin-mnist', false],
      ['good', 'idx', true],
      ['partial', 'idx', false],
      ['absent', 'idx', false],
    ])
    expect(list[0].reason).toMatch(/mnist-10k\.bin is missing; build it with "node scripts\/build-mnist\.mjs"/)
    expect(list[1].reason).toBeUndefined()
    expect(list[2].reason).toMatch(/missing t10k-labels-idx1-ubyte/)
    expect(list[3].reason).toBe('/nonexistent/absent not found (apt-get install dataset-absent)')
    // The same as codes, for the app to word in Korean too.
    expect([list[1].problem, list[2].problem, list[3].problem]).toEqual([undefined, 'incomplete', 'notFound'])
    expect(list[3].install).toBe('apt-get install dataset-absent')
  })

  it('finds the built-in file and reports Fashion-MNIST by its Debian folder', () => {
    const list = findDatasets({ builtinPath: BIN })
    expect(list[0]).toEqual({ id: 'builtin-mnist', name: expect.any(String), kind: 'builtin-mnist', available: true })
    const fashion = list.find((d) => d.id === 'fashion-mnist')!
    expect(fashion).toMatchObject({ kind: 'idx', dir: FASHION, available: existsSync(FASHION) })
    if (!fashion.available) expect(fashion.reason).toMatch(/dataset-fashion-mnist/)
  })
})

describe('loadDataSource', () => {
  it('loads the built-in MNIST and caches it', () => {
    const a = loadDataSource({ kind: 'builtin-mnist' }, BIN)
    expect(a.train.count).toBe(8000)
    expect(loadDataSource({ kind: 'builtin-mnist' }, BIN)).toBe(a)
  })

  it('loads an IDX folder, caches it, and reloads when a file changes', () => {
    const dir = writeIdxFolder()
    dirs.push(dir)
    const a = loadDataSource({ kind: 'idx', dir }, BIN)
    expect(a.train.count).toBe(30)
    expect(loadDataSource({ kind: 'idx', dir }, BIN)).toBe(a)
    const labels = join(dir, 'train-labels-idx1-ubyte')
    writeFileSync(labels, idxLabels(labelsFor(30).map(() => 3)))
    utimesSync(labels, new Date(), new Date(Date.now() + 5000))
    const b = loadDataSource({ kind: 'idx', dir }, BIN)
    expect(b).not.toBe(a)
    expect(Array.from(new Set(b.train.labels))).toEqual([3])
  })

  it('does not cache errors: a fixed folder loads afterwards', () => {
    const dir = writeIdxFolder({ tamper: { 'train-labels-idx1-ubyte': () => idxLabels(labelsFor(29)) } })
    dirs.push(dir)
    expect(() => loadDataSource({ kind: 'idx', dir }, BIN)).toThrow(DatasetError)
    writeFileSync(join(dir, 'train-labels-idx1-ubyte'), idxLabels(labelsFor(30)))
    expect(loadDataSource({ kind: 'idx', dir }, BIN).train.count).toBe(30)
  })

  it('a bad IDX folder fails with its own error and the built-in still loads', () => {
    expect(() => loadDataSource({ kind: 'idx', dir: '/nonexistent/x' }, BIN)).toThrow('/nonexistent/x: folder does not exist')
    expect(loadDataSource({ kind: 'builtin-mnist' }, BIN).test.count).toBe(2000)
  })
})

describe('Fashion-MNIST (Debian package dataset-fashion-mnist)', () => {
  it('loads 60000/10000 images of 28×28 from /usr/share/datasets/fashion-mnist', (ctx) => {
    ctx.skip(!existsSync(FASHION), `${FASHION} is absent: install the Debian package dataset-fashion-mnist to run this test`)
    const d = loadDataSource({ kind: 'idx', dir: FASHION }, BIN)
    expect(d.name).toBe('Fashion-MNIST')
    expect(d.train).toMatchObject({ count: 60000, rows: 28, cols: 28, classes: 10 })
    expect(d.test).toMatchObject({ count: 10000, rows: 28, cols: 28, classes: 10 })
    expect(d.train.images.length).toBe(60000 * 784)
    expect(new Set(d.test.labels).size).toBe(10)
    // Fashion-MNIST's first training label is 9 (ankle boot), its first test label 9 too
    expect(d.train.labels[0]).toBe(9)
    expect(d.test.labels[0]).toBe(9)
  })
})
