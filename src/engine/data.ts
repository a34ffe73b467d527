/**
 * Raw image data → the matrices the network trains on: pixels /255 to float32, flattened;
 * a training subset drawn from the seed, a shuffled validation hold-out (the book's
 * hyperparameter_optimization), an optional test subset.
 */
import type { DataSpec } from '../shared/schemas'
import { Matrix } from './matrix'
import { Rng } from './random'

export interface RawSplit {
  /** count × rows × cols uint8 pixels, row-major per image. */
  images: Uint8Array
  labels: Uint8Array
  count: number
  rows: number
  cols: number
  classes: number
}

export interface RawDataset {
  train: RawSplit
  test: RawSplit
  name: string
}

export interface Prepared {
  trainX: Matrix
  trainY: Uint8Array
  valX?: Matrix
  valY?: Uint8Array
  testX: Matrix
  testY: Uint8Array
  inputSize: number
  classes: number
}

function checkSplit(what: string, s: RawSplit): void {
  const px = s.rows * s.cols
  if (s.images.length !== s.count * px) throw new Error(`${what}: ${s.images.length} pixels for ${s.count} images of ${s.rows}×${s.cols}`)
  if (s.labels.length !== s.count) throw new Error(`${what}: ${s.labels.length} labels for ${s.count} images`)
  for (let i = 0; i < s.count; i++) {
    if (s.labels[i] >= s.classes) throw new Error(`${what}: label ${s.labels[i]} of image ${i} is not < ${s.classes} classes`)
  }
}

/** Rows `indices` of a split as a normalized float32 matrix and their labels. */
function take(s: RawSplit, indices: ArrayLike<number>): { x: Matrix; y: Uint8Array } {
  const px = s.rows * s.cols
  const x = new Matrix(indices.length, px)
  const y = new Uint8Array(indices.length)
  const xd = x.data
  const images = s.images
  for (let r = 0; r < indices.length; r++) {
    const from = indices[r] * px
    const row = r * px
    for (let j = 0; j < px; j++) xd[row + j] = images[from + j] / 255
    y[r] = s.labels[indices[r]]
  }
  return { x, y }
}

/** The first `size` of a seeded permutation, or all rows in order when size is omitted. */
function subset(count: number, size: number | undefined, rng: Rng, what: string): Int32Array {
  if (size === undefined) return Int32Array.from({ length: count }, (_, i) => i)
  if (size > count) throw new Error(`${what} is ${size} but the data set has only ${count} samples`)
  return rng.permutation(count).subarray(0, size)
}

/** The random stream a run's data preparation draws from (the trainer and the plan-time facts alike). */
export function dataRng(seed: number): Rng {
  return new Rng(seed).derive('data')
}

/**
 * Which rows of a training split of `count` rows a run trains on and holds out for validation
 * ('train' and 'validation' streams of `rng`, as prepareData draws them).
 */
export function splitIndices(count: number, spec: Pick<DataSpec, 'trainSize' | 'validationSplit'>, rng: Rng): { trainIdx: Int32Array; valIdx: Int32Array | null } {
  let trainIdx = subset(count, spec.trainSize, rng.derive('train'), 'trainSize')
  const split = spec.validationSplit ?? 0
  if (!(split >= 0 && split < 1)) throw new Error(`validationSplit must be in [0, 1), got ${split}`)
  let valIdx: Int32Array | null = null
  if (split > 0) {
    const n = trainIdx.length
    const valCount = Math.trunc(n * split)
    const order = rng.derive('validation').permutation(n)
    const shuffled = Int32Array.from(order, (i) => trainIdx[i])
    valIdx = shuffled.subarray(0, valCount)
    trainIdx = shuffled.subarray(valCount)
    if (trainIdx.length === 0) throw new Error(`validationSplit ${split} leaves no training samples out of ${n}`)
  }
  return { trainIdx, valIdx }
}

/** The share of the most frequent label among rows `indices` (what always answering that class scores); null for none. */
export function majorityRate(labels: Uint8Array, indices: ArrayLike<number>): number | null {
  if (indices.length === 0) return null
  const counts = new Uint32Array(256)
  let top = 0
  for (let i = 0; i < indices.length; i++) top = Math.max(top, ++counts[labels[indices[i]!]!]!)
  return top / indices.length
}

/**
 * Prepare a data set for training. Streams (derived from `rng`, so they do not shift each
 * other): 'train' picks the training subset, 'validation' shuffles it before the first
 * int(n·validationSplit) rows are held out, 'test' picks the test subset.
 */
export function prepareData(raw: RawDataset, spec: DataSpec, rng: Rng): Prepared {
  checkSplit(`${raw.name} train`, raw.train)
  checkSplit(`${raw.name} test`, raw.test)
  if (raw.train.rows !== raw.test.rows || raw.train.cols !== raw.test.cols) {
    throw new Error(`${raw.name}: train images are ${raw.train.rows}×${raw.train.cols} but test images ${raw.test.rows}×${raw.test.cols}`)
  }
  const { trainIdx, valIdx } = splitIndices(raw.train.count, spec, rng)
  const testIdx = subset(raw.test.count, spec.testSize, rng.derive('test'), 'testSize')
  const train = take(raw.train, trainIdx)
  const test = take(raw.test, testIdx)
  const prepared: Prepared = {
    trainX: train.x,
    trainY: train.y,
    testX: test.x,
    testY: test.y,
    inputSize: raw.train.rows * raw.train.cols,
    classes: Math.max(raw.train.classes, raw.test.classes),
  }
  if (valIdx) {
    const val = take(raw.train, valIdx)
    prepared.valX = val.x
    prepared.valY = val.y
  }
  return prepared
}
