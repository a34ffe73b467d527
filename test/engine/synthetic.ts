/** A tiny synthetic image data set for training tests: class c lights up its own 2×2 patch. */
import type { RawDataset, RawSplit } from '../../src/engine'
import { Rng } from '../../src/engine'

export function syntheticSplit(count: number, classes: number, rng: Rng, noise = 60): RawSplit {
  const rows = 4
  const cols = 2 * classes
  const images = new Uint8Array(count * rows * cols)
  const labels = new Uint8Array(count)
  for (let i = 0; i < count; i++) {
    const c = rng.int(classes)
    labels[i] = c
    for (let r = 0; r < rows; r++)
      for (let k = 0; k < cols; k++) {
        const lit = Math.floor(k / 2) === c && r >= 1 && r <= 2
        const v = (lit ? 160 : 20) + rng.normal() * noise
        images[i * rows * cols + r * cols + k] = Math.max(0, Math.min(255, Math.round(v)))
      }
  }
  return { images, labels, count, rows, cols, classes }
}

export function syntheticDataset(trainCount = 600, testCount = 200, classes = 3, seed = 99): RawDataset {
  const rng = new Rng(seed)
  return { name: 'synthetic', train: syntheticSplit(trainCount, classes, rng), test: syntheticSplit(testCount, classes, rng) }
}
