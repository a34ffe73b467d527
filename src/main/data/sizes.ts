/**
 * The size of a data source's training split, read from headers only (the built-in file's 40-byte
 * header, an IDX folder's train labels file), for the run facts the service stores at plan time.
 * null when the source cannot be read: the trainer then fails the run with the loader's message.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import type { DataSource } from '../../shared/schemas'
import { readBuiltinHeader } from './builtin'
import { findIdxFiles, parseIdxLabels, readMaybeGzip } from './idx'

const BUILTIN_HEADER_BYTES = 40

function builtinTrainRows(path: string): number {
  const fd = openSync(path, 'r')
  try {
    const bytes = new Uint8Array(BUILTIN_HEADER_BYTES)
    readSync(fd, bytes, 0, BUILTIN_HEADER_BYTES, 0)
    return readBuiltinHeader(path, bytes, fstatSync(fd).size).train
  } finally {
    closeSync(fd)
  }
}

function idxTrainRows(dir: string): number {
  const labels = findIdxFiles(dir).found.trainLabels
  if (!labels) throw new Error(`${dir}: no train labels file`)
  return parseIdxLabels(labels, readMaybeGzip(labels), 256).length
}

export function trainRowsOf(source: DataSource, builtinPath: string): number | null {
  try {
    return source.kind === 'builtin-mnist' ? builtinTrainRows(builtinPath) : idxTrainRows(source.dir)
  } catch {
    return null
  }
}
