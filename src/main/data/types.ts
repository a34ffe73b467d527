/**
 * The engine's raw dataset shape. Declared here until `src/engine/data.ts` exports it; keep the
 * two structurally identical, then replace these declarations with a re-export from the engine.
 */

/**
 * One split: `count` images of rows×cols uint8 pixels (row-major, 0 = background) and their
 * labels in 0..classes−1. The loaders here return arrays that each own their whole buffer
 * (byteOffset 0), so they can be transferred without dragging other data along.
 */
export interface RawSplit {
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
