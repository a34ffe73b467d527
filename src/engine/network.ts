/**
 * A multi-layer network built from a NetworkSpec: hidden blocks
 * Affine(width) → [BatchNorm] → Activation → [Dropout], then Affine(classes) and
 * SoftmaxWithLoss (the book's MultiLayerNetExtend). L2 weight decay λ on every Affine weight.
 */
import type { NetworkSpec } from '../shared/schemas'
import { initAffine } from './init'
import { getKernels } from './kernels'
import { Affine, BatchNorm, Dropout, SoftmaxWithLoss, createActivation, type ForwardContext, type Layer, type Param } from './layers'
import { Matrix } from './matrix'
import { Rng } from './random'

export interface HiddenBlockLayers {
  affine: Affine
  batchNorm: BatchNorm | null
  activation: Layer
  dropout: Dropout | null
}

const INFERENCE: ForwardContext = { train: false }

export class Network {
  readonly inputSize: number
  readonly classes: number
  readonly weightDecay: number
  readonly blocks: readonly HiddenBlockLayers[]
  readonly output: Affine
  readonly lossLayer = new SoftmaxWithLoss()
  /** Called with each hidden block's activation output (and its input, `pre`) during forward (e.g. for histograms). */
  onActivation: ((block: number, activation: Matrix, ctx: ForwardContext, pre: Matrix) => void) | null = null
  private readonly affines: Affine[]
  private readonly paramList: Param[]
  private readonly lastActivations: Matrix[] = []

  /**
   * Weights come from rng.derive('init') (one stream per layer), or from spec.initSeed's own
   * 'init' stream when given; dropout masks from rng.derive('dropout').
   */
  constructor(spec: NetworkSpec, inputSize: number, classes: number, rng: Rng) {
    if (!(Number.isInteger(inputSize) && inputSize > 0)) throw new Error(`inputSize must be a whole number > 0, got ${inputSize}`)
    if (!(Number.isInteger(classes) && classes > 1)) throw new Error(`classes must be a whole number > 1, got ${classes}`)
    if (!(spec.weightDecay >= 0)) throw new Error(`weightDecay must be ≥ 0, got ${spec.weightDecay}`)
    this.inputSize = inputSize
    this.classes = classes
    this.weightDecay = spec.weightDecay
    const initRng = (spec.initSeed === undefined ? rng : new Rng(spec.initSeed)).derive('init')
    const dropoutRng = rng.derive('dropout')
    const bias = spec.bias ?? true
    const blocks: HiddenBlockLayers[] = []
    let fanIn = inputSize
    spec.hidden.forEach((h, i) => {
      const affine = new Affine(fanIn, h.width, { bias })
      initAffine(affine, spec.init, initRng.derive(`W${i + 1}`))
      blocks.push({
        affine,
        batchNorm: h.batchNorm ? new BatchNorm(h.width) : null,
        activation: createActivation(h.activation),
        dropout: h.dropout > 0 ? new Dropout(h.dropout, dropoutRng.derive(`dropout${i + 1}`), spec.dropoutMode ?? 'book') : null,
      })
      fanIn = h.width
    })
    this.blocks = blocks
    this.output = new Affine(fanIn, classes, { bias })
    initAffine(this.output, spec.init, initRng.derive(`W${spec.hidden.length + 1}`))
    this.affines = [...blocks.map((b) => b.affine), this.output]
    this.paramList = this.collectParams()
  }

  /** Class scores (before softmax). */
  forward(x: Matrix, ctx: ForwardContext): Matrix {
    let h = x
    for (let i = 0; i < this.blocks.length; i++) {
      const b = this.blocks[i]
      h = b.affine.forward(h, ctx)
      if (b.batchNorm) h = b.batchNorm.forward(h, ctx)
      const pre = h
      h = b.activation.forward(h, ctx)
      this.lastActivations[i] = h
      if (this.onActivation) this.onActivation(i, h, ctx, pre)
      if (b.dropout) h = b.dropout.forward(h, ctx)
    }
    return this.output.forward(h, ctx)
  }

  /** The book's predict: class scores, in inference mode unless told otherwise. */
  predict(x: Matrix, ctx: ForwardContext = INFERENCE): Matrix {
    return this.forward(x, ctx)
  }

  /** Mean cross-entropy of the batch + 0.5·λ·Σ‖W‖² over every Affine weight. */
  loss(x: Matrix, labels: Uint8Array, ctx: ForwardContext): number {
    const scores = this.forward(x, ctx)
    return this.lossLayer.forward(scores, labels) + this.decayPenalty()
  }

  /** Backpropagate the last loss() call into every parameter's grad; dW += λ·W. */
  gradients(): void {
    let d = this.lossLayer.backward()
    d = this.output.backward(d)
    for (let i = this.blocks.length - 1; i >= 0; i--) {
      const b = this.blocks[i]
      if (b.dropout) d = b.dropout.backward(d)
      d = b.activation.backward(d)
      if (b.batchNorm) d = b.batchNorm.backward(d)
      if (i > 0) d = b.affine.backward(d)
      else b.affine.backwardParams(d) // the input needs no gradient
    }
    const lambda = this.weightDecay
    if (lambda === 0) return
    const k = getKernels()
    for (const a of this.affines) k.axpy(a.dW, a.W, a.W.length, lambda)
  }

  /** Fraction of rows whose arg-max score is the label, in inference mode, `chunk` rows at a time. */
  accuracy(x: Matrix, labels: Uint8Array, chunk = 1000): number {
    if (x.rows === 0) return 0
    let correct = 0
    for (let start = 0; start < x.rows; start += chunk) {
      const end = Math.min(start + chunk, x.rows)
      const s = this.forward(x.rowSlice(start, end), INFERENCE)
      const c = s.cols
      const sd = s.data
      for (let i = 0; i < s.rows; i++) {
        let best = 0
        for (let j = 1; j < c; j++) if (sd[i * c + j] > sd[i * c + best]) best = j
        if (best === labels[start + i]) correct++
      }
    }
    return correct / x.rows
  }

  /** Parameters in a stable order: W1, b1, gamma1, beta1, W2, ..., W(L), b(L). */
  params(): Param[] {
    return this.paramList
  }

  /** Each hidden block's activation output from the last forward (owned by the layers: copy to keep). */
  hiddenActivations(): readonly Matrix[] {
    return this.lastActivations
  }

  private decayPenalty(): number {
    const lambda = this.weightDecay
    if (lambda === 0) return 0
    let sum = 0
    const k = getKernels()
    for (const a of this.affines) sum += k.sumSquares(a.W, a.W.length)
    return 0.5 * lambda * sum
  }

  private collectParams(): Param[] {
    const list: Param[] = []
    const add = (layer: Layer | null, index: number) => {
      if (layer) for (const p of layer.params()) list.push({ name: `${p.name}${index}`, value: p.value, grad: p.grad })
    }
    this.blocks.forEach((b, i) => {
      add(b.affine, i + 1)
      add(b.batchNorm, i + 1)
    })
    add(this.output, this.blocks.length + 1)
    return list
  }
}
