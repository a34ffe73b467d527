/**
 * A data source's training labels, read without the images (the built-in file's header and its
 * label bytes, an IDX folder's train labels file), for the run facts the service stores at plan
 * time: the training split's size and the majority-class rate of the subset a run trains on.
 * null when the source cannot be read: the trainer then fails the run with the loader's message.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { dataRng, majorityRate, splitIndices } from '../../engine/data'
import type { DataSpec, DataSource } from '../../shared/schemas'
import { readBuiltinHeader } from './builtin'
import { findIdxFiles, parseIdxLabels, readMaybeGzip } from './idx'

const BUILTIN_HEADER_BYTES = 40

/** The file's layout: header, train images, train labels, test images, test labels. */
function builtinTrainLabels(path: string): Uint8Array {
  const fd = openSync(path, 'r')
  try {
    const head = new Uint8Array(BUILTIN_HEADER_BYTES)
    readSync(fd, head, 0, BUILTIN_HEADER_BYTES, 0)
    const h = readBuiltinHeader(path, head, fstatSync(fd).size)
    const labels = new Uint8Array(h.train)
    if (readSync(fd, labels, 0, h.train, BUILTIN_HEADER_BYTES + h.train * h.rows * h.cols) !== h.train) throw new Error(`${path}: truncated`)
    return labels
  } finally {
    closeSync(fd)
  }
}

function idxTrainLabels(dir: string): Uint8Array {
  const labels = findIdxFiles(dir).found.trainLabels
  if (!labels) throw new Error(`${dir}: no train labels file`)
  return parseIdxLabels(labels, readMaybeGzip(labels), 256)
}

export function trainLabelsOf(source: DataSource, builtinPath: string): Uint8Array | null {
  try {
    return source.kind === 'builtin-mnist' ? builtinTrainLabels(builtinPath) : idxTrainLabels(source.dir)
  } catch {
    return null
  }
}

/**
 * The share of the most frequent class in the rows run `seed` trains on (its subset after the
 * validation hold-out, drawn as the trainer draws it): what always answering that class scores.
 */
export function trainMajorityRate(labels: Uint8Array, data: Pick<DataSpec, 'trainSize' | 'validationSplit'>, seed: number): number | null {
  try {
    return majorityRate(labels, splitIndices(labels.length, data, dataRng(seed)).trainIdx)
  } catch {
    return null // a trainSize beyond the data set: the trainer fails the run saying so
  }
}
