import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { execFileSync } from 'node:child_process'
import { gzipSync } from 'node:zlib'

export function idxImages(count: number, rows: number, cols: number, fill = (i: number, p: number) => (i * 7 + p) % 256, magic = 2051): Buffer {
  const b = Buffer.alloc(16 + count * rows * cols)
  b.writeUInt32BE(magic, 0)
  b.writeUInt32BE(count, 4)
  b.writeUInt32BE(rows, 8)
  b.writeUInt32BE(cols, 12)
  for (let i = 0; i < count; i++) for (let p = 0; p < rows * cols; p++) b[16 + i * rows * cols + p] = fill(i, p)
  return b
}

export function idxLabels(labels: number[], magic = 2049): Buffer {
  const b = Buffer.alloc(8 + labels.length)
  b.writeUInt32BE(magic, 0)
  b.writeUInt32BE(labels.length, 4)
  labels.forEach((l, i) => (b[8 + i] = l))
  return b
}

export const labelsFor = (n: number) => Array.from({ length: n }, (_, i) => i % 10)

export interface IdxFolderSpec {
  gz?: boolean
  /** 'dash' = train-images-idx3-ubyte, 'dot' = train-images.idx3-ubyte */
  naming?: 'dash' | 'dot'
  train?: number
  test?: number
  rows?: number
  cols?: number
  /** Replace a file's bytes (by canonical name) before writing; return null to leave it out. */
  tamper?: Partial<Record<string, (b: Buffer) => Buffer | null>>
}

/** Writes a small, valid IDX folder (unless tampered with) and returns its path. */
export function writeIdxFolder(spec: IdxFolderSpec = {}): string {
  const { gz = false, naming = 'dash', train = 30, test = 12, rows = 4, cols = 3 } = spec
  const dir = mkdtempSync(join(tmpdir(), 'gl-idx-'))
  const files: Record<string, Buffer> = {
    'train-images-idx3-ubyte': idxImages(train, rows, cols),
    'train-labels-idx1-ubyte': idxLabels(labelsFor(train)),
    't10k-images-idx3-ubyte': idxImages(test, rows, cols, (i, p) => (i * 3 + p * 5) % 256),
    't10k-labels-idx1-ubyte': idxLabels(labelsFor(test).reverse()),
  }
  for (const [name, raw] of Object.entries(files)) {
    const bytes = spec.tamper?.[name] ? spec.tamper[name]!(raw) : raw
    if (bytes === null) continue
    const base = naming === 'dot' ? name.replace(/-(idx\d-ubyte)$/, '.$1') : name
    writeFileSync(join(dir, gz ? `${base}.gz` : base), gz ? gzipSync(bytes) : bytes)
  }
  return dir
}

/** Builds resources/mnist-10k.bin if needed (a no-op taking ~0.1 s when it is current). */
export function ensureBuiltinBin(): string {
  const root = resolve(__dirname, '../..')
  execFileSync(process.execPath, [join(root, 'scripts/build-mnist.mjs')], { cwd: root, stdio: 'pipe' })
  return join(root, 'resources/mnist-10k.bin')
}
