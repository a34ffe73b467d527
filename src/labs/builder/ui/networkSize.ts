/**
 * The size of a builder network, counted exactly: every hidden block has fan_in·width weights and
 * width biases, plus γ and β (2·width) with batch normalization; the output Affine has
 * fan_in·classes weights and classes biases. Also the multiply-adds of one forward pass per sample.
 */

interface BlockShape {
  width: number
  batchNorm: boolean
}

interface LayerSize {
  /** 'hidden' blocks are numbered from 1; 'output' is the last Affine. */
  kind: 'hidden' | 'output'
  fanIn: number
  width: number
  weights: number
  biases: number
  batchNorm: number
  total: number
}

/** MNIST-shaped data (MNIST, Fashion-MNIST, KMNIST): 28×28 inputs, 10 classes. */
export const MNIST_SHAPE = { inputSize: 784, classes: 10 } as const

export function layerSizes(blocks: readonly BlockShape[], inputSize: number = MNIST_SHAPE.inputSize, classes: number = MNIST_SHAPE.classes): LayerSize[] {
  const out: LayerSize[] = []
  let fanIn = inputSize
  for (const b of blocks) {
    const weights = fanIn * b.width
    const bn = b.batchNorm ? 2 * b.width : 0
    out.push({ kind: 'hidden', fanIn, width: b.width, weights, biases: b.width, batchNorm: bn, total: weights + b.width + bn })
    fanIn = b.width
  }
  out.push({ kind: 'output', fanIn, width: classes, weights: fanIn * classes, biases: classes, batchNorm: 0, total: fanIn * classes + classes })
  return out
}

/** Multiply-adds of one sample's forward pass through the Affine layers (the dominant cost). */
export function forwardMacs(blocks: readonly BlockShape[], inputSize?: number, classes?: number): number {
  return layerSizes(blocks, inputSize, classes).reduce((n, l) => n + l.weights, 0)
}
