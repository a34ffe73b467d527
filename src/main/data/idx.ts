/**
 * Loader for the standard IDX files shared by MNIST, Fashion-MNIST and KMNIST
 * (http://yann.lecun.com/exdb/mnist/): big-endian header, then unsigned bytes.
 *   images: magic 2051 (0x00000803), count, rows, cols, count×rows×cols pixels
 *   labels: magic 2049 (0x00000801), count, count labels
 * Files may be raw or gzip-compressed (detected from the content, not the name). Every problem
 * is a DatasetError naming the file and what is wrong.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { DatasetError } from './errors'
import type { RawDataset, RawSplit } from './types'

export const IDX_IMAGES_MAGIC = 2051
export const IDX_LABELS_MAGIC = 2049
const DEFAULT_CLASSES = 10

/** The four files of an IDX folder by role, with their canonical names. */
export const IDX_FILES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const
export type IdxRole = keyof typeof IDX_FILES

/** Accepted names for a canonical one: as is, the dot variant some mirrors use, each raw or .gz. */
export function idxNameVariants(canonical: string): string[] {
  const dotted = canonical.replace(/-(idx\d-ubyte)$/, '.$1')
  return [canonical, dotted, `${canonical}.gz`, `${dotted}.gz`]
}

/** Reads a file, gunzipping it when its content starts with the gzip magic bytes. */
export function readMaybeGzip(path: string): Uint8Array {
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new DatasetError(path, code === 'ENOENT' ? 'missing' : `cannot be read (${(err as Error).message})`)
  }
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes)
    } catch (err) {
      const msg = (err as Error).message
      const truncated = /unexpected end/i.test(msg)
      throw new DatasetError(path, truncated ? 'truncated: the gzip stream ends early' : `not a valid gzip file (${msg})`)
    }
  }
  return bytes
}

function header(path: string, bytes: Uint8Array, words: number, what: string): number[] {
  const need = words * 4
  if (bytes.length < need) {
    throw new DatasetError(path, `truncated: ${bytes.length} bytes, an IDX ${what} header needs ${need}`)
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, need)
  return Array.from({ length: words }, (_, i) => view.getUint32(i * 4, false))
}

function checkMagic(path: string, magic: number, want: number): void {
  if (magic === want) return
  const kind = want === IDX_IMAGES_MAGIC ? 'images' : 'labels'
  const other =
    magic === IDX_IMAGES_MAGIC ? ' (that of an image file)' : magic === IDX_LABELS_MAGIC ? ' (that of a label file)' : ''
  throw new DatasetError(
    path,
    `not an IDX ${kind} file: magic number is ${magic} (0x${magic.toString(16).padStart(8, '0')})${other}, expected ${want}`,
  )
}

export interface IdxImages {
  pixels: Uint8Array
  count: number
  rows: number
  cols: number
}

/** Parses the bytes of an images file (already gunzipped); `path` only names it in errors. */
export function parseIdxImages(path: string, bytes: Uint8Array): IdxImages {
  const [magic, count, rows, cols] = header(path, bytes, 4, 'images')
  checkMagic(path, magic, IDX_IMAGES_MAGIC)
  if (rows === 0 || cols === 0 || rows > 4096 || cols > 4096) throw new DatasetError(path, `bad image size ${rows}×${cols}`)
  if (count === 0) throw new DatasetError(path, 'holds no images (header count is 0)')
  const size = rows * cols
  const data = bytes.length - 16
  const expected = count * size
  if (data < expected) {
    throw new DatasetError(path, `truncated: header says ${count} images of ${rows}×${cols}, file holds ${Math.floor(data / size)}`)
  }
  if (data > expected) {
    throw new DatasetError(path, `${data - expected} unexpected bytes after the ${count} images of ${rows}×${cols} the header announces`)
  }
  return { pixels: copy(bytes, 16, expected), count, rows, cols }
}

/** Parses the bytes of a labels file (already gunzipped); labels must lie in 0..classes−1. */
export function parseIdxLabels(path: string, bytes: Uint8Array, classes = DEFAULT_CLASSES): Uint8Array {
  const [magic, count] = header(path, bytes, 2, 'labels')
  checkMagic(path, magic, IDX_LABELS_MAGIC)
  if (count === 0) throw new DatasetError(path, 'holds no labels (header count is 0)')
  const data = bytes.length - 8
  if (data < count) throw new DatasetError(path, `truncated: header says ${count} labels, file holds ${data}`)
  if (data > count) throw new DatasetError(path, `${data - count} unexpected bytes after the ${count} labels the header announces`)
  const labels = copy(bytes, 8, count)
  const bad = labels.findIndex((l) => l >= classes)
  if (bad >= 0) throw new DatasetError(path, `label ${labels[bad]} at index ${bad} is outside 0–${classes - 1}`)
  return labels
}

/** A copy that owns its buffer exactly (cheap to transfer, no hidden 16-byte header). */
function copy(bytes: Uint8Array, offset: number, length: number): Uint8Array {
  return new Uint8Array(bytes.buffer, bytes.byteOffset + offset, length).slice()
}

export interface IdxFolderFiles {
  dir: string
  found: Partial<Record<IdxRole, string>>
  missing: IdxRole[]
}

/** Finds the four files in `dir` (names matched case-insensitively; raw preferred over .gz). */
export function findIdxFiles(dir: string): IdxFolderFiles {
  const abs = resolve(dir)
  let names: string[]
  try {
    if (!statSync(abs).isDirectory()) throw new DatasetError(abs, 'is not a folder', abs)
    names = readdirSync(abs)
  } catch (err) {
    if (err instanceof DatasetError) throw err
    const code = (err as NodeJS.ErrnoException).code
    throw new DatasetError(abs, code === 'ENOENT' ? 'folder does not exist' : `cannot be read (${(err as Error).message})`, abs)
  }
  const byLower = new Map(names.map((n) => [n.toLowerCase(), n]))
  const found: Partial<Record<IdxRole, string>> = {}
  const missing: IdxRole[] = []
  for (const role of Object.keys(IDX_FILES) as IdxRole[]) {
    const file = idxNameVariants(IDX_FILES[role])
      .map((v) => byLower.get(v.toLowerCase()))
      .filter((n): n is string => n !== undefined)
      .map((n) => fileIn(abs, n))
      .find((f) => f !== undefined)
    if (file) found[role] = file
    else missing.push(role)
  }
  return { dir: abs, found, missing }
}

/**
 * The file `name` in `dir`; when `name` is a folder holding a file of the same name (as in some
 * unzipped downloads: train-images-idx3-ubyte/train-images-idx3-ubyte), that inner file.
 */
function fileIn(dir: string, name: string): string | undefined {
  const path = join(dir, name)
  try {
    if (!statSync(path).isDirectory()) return path
    const inner = readdirSync(path).find((n) => n.toLowerCase() === name.toLowerCase())
    return inner && statSync(join(path, inner)).isFile() ? join(path, inner) : undefined
  } catch {
    return undefined
  }
}

export function missingFilesMessage(missing: IdxRole[]): string {
  const names = missing.map((r) => IDX_FILES[r])
  return `missing ${names.join(', ')} (each may be raw or .gz, e.g. ${names[0]}.gz or ${idxNameVariants(names[0])[1]})`
}

export interface IdxLoadOptions {
  /** Shown in the app (default: the folder's name). */
  name?: string
  /** Labels must lie in 0..classes−1 (default 10: MNIST, Fashion-MNIST, KMNIST). */
  classes?: number
}

/** Loads the four IDX files of a folder; throws a DatasetError naming the file at fault. */
export function loadIdxFolder(dir: string, opts: IdxLoadOptions = {}): RawDataset {
  const { dir: abs, found, missing } = findIdxFiles(dir)
  if (missing.length > 0) throw new DatasetError(abs, missingFilesMessage(missing), abs)
  const classes = opts.classes ?? DEFAULT_CLASSES
  const split = (imagesPath: string, labelsPath: string): RawSplit => {
    const images = parseIdxImages(imagesPath, readMaybeGzip(imagesPath))
    const labels = parseIdxLabels(labelsPath, readMaybeGzip(labelsPath), classes)
    if (labels.length !== images.count) {
      throw new DatasetError(labelsPath, `holds ${labels.length} labels but ${basename(imagesPath)} holds ${images.count} images`)
    }
    return { images: images.pixels, labels, count: images.count, rows: images.rows, cols: images.cols, classes }
  }
  const train = split(found.trainImages!, found.trainLabels!)
  const test = split(found.testImages!, found.testLabels!)
  if (test.rows !== train.rows || test.cols !== train.cols) {
    throw new DatasetError(
      found.testImages!,
      `images are ${test.rows}×${test.cols} but ${basename(found.trainImages!)} has ${train.rows}×${train.cols}`,
    )
  }
  return { train, test, name: opts.name ?? basename(abs) }
}
