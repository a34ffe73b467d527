/**
 * The engine's raw dataset shape (src/engine/data.ts). The loaders here return arrays that each
 * own their whole buffer (byteOffset 0), so they can be transferred without dragging other data along.
 */
export type { RawDataset, RawSplit } from '../../engine/data'
