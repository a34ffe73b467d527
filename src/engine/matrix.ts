import { allocF32 } from './kernels'

/** A dense row-major float32 matrix and the few helpers the engine needs around it. */
export class Matrix {
  readonly rows: number
  readonly cols: number
  readonly data: Float32Array

  constructor(rows: number, cols: number, data?: Float32Array) {
    if (!(Number.isInteger(rows) && rows >= 0 && Number.isInteger(cols) && cols >= 0)) {
      throw new Error(`Matrix shape must be whole numbers ≥ 0, got ${rows}×${cols}`)
    }
    if (data && data.length !== rows * cols) {
      throw new Error(`Matrix ${rows}×${cols} needs ${rows * cols} values, got ${data.length}`)
    }
    this.rows = rows
    this.cols = cols
    this.data = data ?? allocF32(rows * cols)
  }

  static from(rows: number, cols: number, values: ArrayLike<number>): Matrix {
    return new Matrix(rows, cols, Float32Array.from(values))
  }

  get(i: number, j: number): number {
    return this.data[i * this.cols + j]
  }

  set(i: number, j: number, v: number): void {
    this.data[i * this.cols + j] = v
  }

  /** A view of rows [start, end) sharing this matrix's memory. */
  rowSlice(start: number, end: number): Matrix {
    return new Matrix(end - start, this.cols, this.data.subarray(start * this.cols, end * this.cols))
  }

  clone(): Matrix {
    return new Matrix(this.rows, this.cols, this.data.slice())
  }
}

/** Copy rows `indices[0..count)` of `src` into the first rows of `out` (mini-batch gather). */
export function gatherRows(src: Matrix, indices: Int32Array, out: Matrix, count = indices.length): void {
  const c = src.cols
  if (out.cols !== c || out.rows < count) throw new Error(`gatherRows: output ${out.rows}×${out.cols} cannot hold ${count}×${c}`)
  const s = src.data
  const o = out.data
  if (s.buffer === o.buffer) {
    // Both in one buffer (the WebAssembly arena, where a trainer keeps its data and batches):
    // TypedArray.set from a view of the same buffer clones the source first (it might overlap),
    // which cost 4 % of a lab-2 trainer's time; copyWithin is a plain memmove.
    const all = new Float32Array(s.buffer)
    const s0 = s.byteOffset >> 2
    const o0 = o.byteOffset >> 2
    for (let r = 0; r < count; r++) {
      const from = s0 + indices[r] * c
      all.copyWithin(o0 + r * c, from, from + c)
    }
    return
  }
  // TypedArray.set is a memmove: ~10× the element loop for 128×784 (the subarray views are a few
  // KB of short-lived garbage per step, which V8's young generation absorbs)
  for (let r = 0; r < count; r++) {
    const from = indices[r] * c
    o.set(s.subarray(from, from + c), r * c)
  }
}

/** Copy `labels[indices[i]]` into `out` (mini-batch gather of labels). */
export function gatherLabels(labels: Uint8Array, indices: Int32Array, out: Uint8Array, count = indices.length): void {
  for (let r = 0; r < count; r++) out[r] = labels[indices[r]]
}

/**
 * Scratch matrices owned by one layer, keyed by (slot, rows): allocated the first time a batch
 * size is seen and reused afterwards, so the training loop allocates nothing per step, and
 * evaluating in other chunk sizes does not throw the training buffers away.
 */
export class BufferPool {
  private readonly map = new Map<number, Matrix>()

  get(slot: number, rows: number, cols: number): Matrix {
    const key = rows * 16 + slot
    let m = this.map.get(key)
    if (!m || m.cols !== cols) {
      m = new Matrix(rows, cols)
      this.map.set(key, m)
    }
    return m
  }
}
