import { basename } from 'node:path'

/**
 * A dataset file (or folder) that cannot be used. The message starts with the file's name and
 * says what is wrong ("t10k-labels-idx1-ubyte.gz: truncated: header says 10000 labels, file
 * holds 9876"); `path` is the full path concerned and `problem` the part after the name.
 */
export class DatasetError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
    shownAs: string = basename(path) || path,
  ) {
    super(`${shownAs}: ${problem}`)
    this.name = 'DatasetError'
  }
}
