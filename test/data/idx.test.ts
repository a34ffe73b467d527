import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { DatasetError, loadIdxFolder, parseIdxImages } from '../../src/main/data'
import { idxImages, idxLabels, labelsFor, writeIdxFolder } from './idx-helpers'

const dirs: string[] = []
const folder = (spec: Parameters<typeof writeIdxFolder>[0] = {}) => {
  const d = writeIdxFolder(spec)
  dirs.push(d)
  return d
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

/** Runs fn, expects a DatasetError, returns it. */
function datasetError(fn: () => unknown): DatasetError {
  try {
    fn()
  } catch (err) {
    expect(err).toBeInstanceOf(DatasetError)
    return err as DatasetError
  }
  throw new Error('expected a DatasetError, nothing was thrown')
}

describe('loadIdxFolder: valid folders', () => {
  for (const gz of [false, true]) {
    for (const naming of ['dash', 'dot'] as const) {
      it(`loads ${gz ? 'gzipped' : 'raw'} files named the ${naming} way`, () => {
        const dir = folder({ gz, naming })
        const d = loadIdxFolder(dir, { name: 'tiny' })
        expect(d.name).toBe('tiny')
        expect(d.train).toMatchObject({ count: 30, rows: 4, cols: 3, classes: 10 })
        expect(d.test).toMatchObject({ count: 12, rows: 4, cols: 3, classes: 10 })
        expect(d.train.images.length).toBe(30 * 12)
        expect(Array.from(d.train.labels)).toEqual(labelsFor(30))
        expect(Array.from(d.test.labels)).toEqual(labelsFor(12).reverse())
        // pixel (i=2, p=5) of the train split is (2*7+5) % 256 by construction
        expect(d.train.images[2 * 12 + 5]).toBe(19)
        expect(d.test.images[1 * 12 + 2]).toBe((3 + 10) % 256)
        // the arrays own their buffers exactly (no hidden header bytes)
        expect(d.train.images.byteOffset).toBe(0)
        expect(d.train.images.buffer.byteLength).toBe(d.train.images.length)
      })
    }
  }

  it('uses the folder name when no name is given', () => {
    const dir = folder()
    expect(loadIdxFolder(dir).name).toBe(dir.split('/').pop())
  })

  it('finds a file inside a folder of the same name (some unzipped downloads)', () => {
    const dir = folder({ naming: 'dot' })
    const name = 'train-images.idx3-ubyte'
    const bytes = readFileSync(join(dir, name))
    rmSync(join(dir, name))
    mkdirSync(join(dir, name))
    writeFileSync(join(dir, name, name), bytes)
    expect(loadIdxFolder(dir).train.count).toBe(30)
  })

  it('accepts a .gz name holding an uncompressed file (detected from the content)', () => {
    const dir = folder()
    writeFileSync(join(dir, 'train-images-idx3-ubyte.gz'), idxImages(30, 4, 3))
    rmSync(join(dir, 'train-images-idx3-ubyte'))
    expect(loadIdxFolder(dir).train.count).toBe(30)
  })
})

describe('loadIdxFolder: bad files name the file and the problem', () => {
  it('bad magic number in the images file', () => {
    const dir = folder({ tamper: { 'train-images-idx3-ubyte': (b) => (b.writeUInt32BE(1234, 0), b) } })
    const e = datasetError(() => loadIdxFolder(dir))
    expect(e.message).toMatch(/^train-images-idx3-ubyte: not an IDX images file: magic number is 1234 .*expected 2051/)
    expect(e.path).toBe(join(dir, 'train-images-idx3-ubyte'))
  })

  it('a labels file where the images file should be (gz)', () => {
    const dir = folder({ gz: true, tamper: { 't10k-images-idx3-ubyte': () => idxLabels(labelsFor(12)) } })
    expect(datasetError(() => loadIdxFolder(dir)).message).toMatch(
      /^t10k-images-idx3-ubyte\.gz: not an IDX images file: magic number is 2049 .*\(that of a label file\), expected 2051/,
    )
  })

  it('bad magic number in a labels file', () => {
    const dir = folder({ tamper: { 't10k-labels-idx1-ubyte': (b) => (b.writeUInt32BE(7, 0), b) } })
    expect(datasetError(() => loadIdxFolder(dir)).message).toMatch(/^t10k-labels-idx1-ubyte: not an IDX labels file: magic number is 7 .*expected 2049/)
  })

  it('truncated images', () => {
    const dir = folder({ tamper: { 'train-images-idx3-ubyte': (b) => b.subarray(0, 16 + 12 * 25 + 5) } })
    expect(datasetError(() => loadIdxFolder(dir)).message).toBe(
      'train-images-idx3-ubyte: truncated: header says 30 images of 4×3, file holds 25',
    )
  })

  it('truncated labels (gz), in the wording of the spec', () => {
    const dir = folder({ gz: true, tamper: { 't10k-labels-idx1-ubyte': (b) => b.subarray(0, 8 + 9) } })
    expect(datasetError(() => loadIdxFolder(dir)).message).toBe('t10k-labels-idx1-ubyte.gz: truncated: header says 12 labels, file holds 9')
  })

  it('truncated header', () => {
    const dir = folder({ tamper: { 't10k-images-idx3-ubyte': (b) => b.subarray(0, 10) } })
    expect(datasetError(() => loadIdxFolder(dir)).message).toBe(
      't10k-images-idx3-ubyte: truncated: 10 bytes, an IDX images header needs 16',
    )
  })

  it('a truncated gzip stream', () => {
    const dir = folder()
    const gz = gzipSync(idxImages(30, 4, 3))
    writeFileSync(join(dir, 'train-images-idx3-ubyte.gz'), gz.subarray(0, gz.length - 20))
    rmSync(join(dir, 'train-images-idx3-ubyte'))
    expect(datasetError(() => loadIdxFolder(dir)).message).toMatch(/^train-images-idx3-ubyte\.gz: truncated: the gzip stream ends early/)
  })

  it('extra bytes after the data', () => {
    const dir = folder({ tamper: { 'train-labels-idx1-ubyte': (b) => Buffer.concat([b, Buffer.from([1, 2, 3])]) } })
    expect(datasetError(() => loadIdxFolder(dir)).message).toBe(
      'train-labels-idx1-ubyte: 3 unexpected bytes after the 30 labels the header announces',
    )
  })

  it('image/label count mismatch', () => {
    const dir = folder({ tamper: { 'train-labels-idx1-ubyte': () => idxLabels(labelsFor(29)) } })
    const e = datasetError(() => loadIdxFolder(dir))
    expect(e.message).toBe('train-labels-idx1-ubyte: holds 29 labels but train-images-idx3-ubyte holds 30 images')
  })

  it('label out of range', () => {
    const dir = folder({ tamper: { 't10k-labels-idx1-ubyte': (b) => ((b[8 + 4] = 10), b) } })
    expect(datasetError(() => loadIdxFolder(dir)).message).toBe('t10k-labels-idx1-ubyte: label 10 at index 4 is outside 0–9')
  })

  it('train and test images of different sizes', () => {
    const dir = folder({ tamper: { 't10k-images-idx3-ubyte': () => idxImages(12, 3, 4) } })
    expect(datasetError(() => loadIdxFolder(dir)).message).toBe(
      't10k-images-idx3-ubyte: images are 3×4 but train-images-idx3-ubyte has 4×3',
    )
  })

  it('zero images', () => {
    expect(datasetError(() => parseIdxImages('/x/a-idx3-ubyte', idxImages(0, 28, 28))).message).toBe(
      'a-idx3-ubyte: holds no images (header count is 0)',
    )
  })
})

describe('loadIdxFolder: missing files and folders', () => {
  it('lists every missing file', () => {
    const dir = folder({
      gz: true,
      tamper: { 'train-labels-idx1-ubyte': () => null, 't10k-images-idx3-ubyte': () => null },
    })
    const e = datasetError(() => loadIdxFolder(dir))
    expect(e.message).toMatch(new RegExp(`^${dir}: missing train-labels-idx1-ubyte, t10k-images-idx3-ubyte \\(each may be raw or \\.gz`))
    expect(e.message).not.toMatch(/train-images|t10k-labels/)
  })

  it('a folder that does not exist', () => {
    expect(datasetError(() => loadIdxFolder('/nonexistent/gl-idx')).message).toBe('/nonexistent/gl-idx: folder does not exist')
  })

  it('a file instead of a folder', () => {
    const dir = folder()
    const file = join(dir, 'train-images-idx3-ubyte')
    expect(datasetError(() => loadIdxFolder(file)).message).toBe(`${file}: is not a folder`)
  })
})
