/**
 * Records what happens inside the network at iteration 0 and at every evaluation point
 * (issue 12), on a fixed probe batch of test images: per layer the fixed-bin histograms of
 * activations and pre-activations, mean, std, dead/saturated fractions, the weight histogram,
 * ‖dW‖ and ‖ΔW‖/‖W‖ of the last step; the predictions on a fixed sample of digits; first-layer
 * weight tiles. Nothing runs between evaluation points except one copy of the weights before
 * the step that lands on one (for ‖ΔW‖).
 */
import {
  DIGIT_SAMPLE,
  MAX_TILE_FRAMES,
  MAX_TILE_UNITS,
  PROBE_SIZE,
  bytesToBase64,
  type Digits,
  type InsideFrame,
  type LayerSnapshot,
  type WeightTiles,
} from '../../shared/inside'
import type { Affine } from '../layers'
import { Matrix } from '../matrix'
import { Rng } from '../random'
import type { Trainer } from '../trainer'
import { ACTIVATION_BINS, type BinSpec, PRE_ACTIVATION_BINS, binEdges, weightBins } from './bins'
import { argmaxRow, clampedHistogram, deadFraction, moments, norm, saturatedFraction, softmaxRows, weightSummary } from './stats'

/** The probe's seed is a constant: every run of every experiment on the same test set sees the same images. */
export const PROBE_SEED = 12

const INFERENCE = { train: false }

/** Probe rows of the test set: the first PROBE_SIZE of a fixed permutation; the sample digits are its first DIGIT_SAMPLE. */
export function probeIndices(testRows: number): Int32Array {
  return new Rng(PROBE_SEED).derive('probe').permutation(testRows).slice(0, Math.min(PROBE_SIZE, testRows))
}

/** Evaluation points (0, every evalEvery or epoch, the end) and the ones that keep weight tiles (≤ MAX_TILE_FRAMES, evenly spread). */
export function tileSteps(trainer: Trainer): Set<number> {
  const points = [0]
  for (let u = 1; u <= trainer.maxIter; u++) if (trainer.isEvalPoint(u)) points.push(u)
  if (points.length <= MAX_TILE_FRAMES) return new Set(points)
  const keep = new Set<number>()
  for (let i = 0; i < MAX_TILE_FRAMES; i++) keep.add(points[Math.round((i * (points.length - 1)) / (MAX_TILE_FRAMES - 1))])
  return keep
}

export class InsideRecorder {
  private readonly probe: Matrix
  private readonly probeIdx: Int32Array
  private readonly affines: Affine[]
  private readonly previous: Float32Array[]
  private readonly weightSpecs: (BinSpec | null)[]
  private readonly tiles: Set<number>
  private stepped = false

  constructor(private readonly trainer: Trainer) {
    const { testX } = trainer.data
    this.probeIdx = probeIndices(testX.rows)
    this.probe = new Matrix(this.probeIdx.length, testX.cols)
    for (let r = 0; r < this.probeIdx.length; r++) {
      this.probe.data.set(testX.data.subarray(this.probeIdx[r] * testX.cols, (this.probeIdx[r] + 1) * testX.cols), r * testX.cols)
    }
    const net = trainer.network
    this.affines = [...net.blocks.map((b) => b.affine), net.output]
    this.previous = this.affines.map((a) => new Float32Array(a.W.length))
    this.weightSpecs = this.affines.map(() => null)
    this.tiles = tileSteps(trainer)
  }

  /** Before the step that lands on an evaluation point: keep W to measure that step's ‖ΔW‖. */
  beforeStep(): void {
    this.affines.forEach((a, i) => this.previous[i].set(a.W))
    this.stepped = true
  }

  /** The fixed sample of test digits with their labels and pixels. */
  digits(): Digits {
    const { testX, testY } = this.trainer.data
    const n = Math.min(DIGIT_SAMPLE, this.probeIdx.length)
    const side = Math.round(Math.sqrt(testX.cols))
    const pixels = new Uint8Array(n * testX.cols)
    for (let i = 0; i < pixels.length; i++) pixels[i] = Math.round(this.probe.data[i] * 255)
    const indices = Array.from(this.probeIdx.subarray(0, n))
    const square = side * side === testX.cols
    return { indices, labels: indices.map((i) => testY[i]), rows: square ? side : 1, cols: square ? side : testX.cols, pixels: bytesToBase64(pixels) }
  }

  /** Everything recorded at `step`. */
  frame(step: number): InsideFrame {
    const net = this.trainer.network
    const layers: LayerSnapshot[] = []
    const previousHook = net.onActivation
    // Summarized inside the hook, while the layers' buffers still hold this forward's values.
    net.onActivation = (block, act, _ctx, pre) => layers.push(this.hiddenLayer(block, act, pre))
    let scores: Matrix
    try {
      scores = net.predict(this.probe, INFERENCE)
    } finally {
      net.onActivation = previousHook
    }
    const classes = scores.cols
    const probs = new Float64Array(scores.rows * classes)
    softmaxRows(scores.data, scores.rows, classes, probs)
    const pm = moments(probs)
    const out: LayerSnapshot = {
      index: layers.length + 1,
      kind: 'softmax',
      activations: clampedHistogram(probs, ACTIVATION_BINS.softmax),
      mean: pm.mean,
      std: pm.std,
      ...this.weightStats(this.affines.length - 1),
    }
    if (pm.nonFinite > 0) out.nonFinite = pm.nonFinite
    layers.push(out)
    const n = Math.min(DIGIT_SAMPLE, scores.rows)
    const predicted: number[] = []
    const probability: number[] = []
    for (let i = 0; i < n; i++) {
      const c = argmaxRow(scores.data, i, classes)
      predicted.push(c)
      const p = probs[i * classes + c]
      probability.push(Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0)
    }
    this.stepped = false
    const frame: InsideFrame = { step, layers, predictions: { predicted, probability } }
    const tiles = this.tiles.has(step) ? this.weightTiles() : null
    if (tiles) frame.tiles = tiles
    return frame
  }

  private hiddenLayer(block: number, act: Matrix, pre: Matrix): LayerSnapshot {
    const kind = this.trainer.spec.network.hidden[block].activation
    const m = moments(act.data)
    const layer: LayerSnapshot = {
      index: block + 1,
      kind,
      activations: clampedHistogram(act.data, ACTIVATION_BINS[kind]),
      preActivations: clampedHistogram(pre.data, PRE_ACTIVATION_BINS[kind]),
      mean: m.mean,
      std: m.std,
      ...(kind === 'relu' ? { dead: deadFraction(act.data, act.rows, act.cols) } : { saturated: saturatedFraction(act.data, kind) }),
      ...this.weightStats(block),
    }
    if (m.nonFinite > 0) layer.nonFinite = m.nonFinite
    return layer
  }

  /** confusion[true][predicted] over the whole test set, in inference mode (the same rule as Network.accuracy). */
  confusion(chunk = 1000): number[][] {
    const { testX, testY } = this.trainer.data
    const net = this.trainer.network
    const k = net.classes
    const m = Array.from({ length: k }, () => new Array<number>(k).fill(0))
    for (let start = 0; start < testX.rows; start += chunk) {
      const end = Math.min(start + chunk, testX.rows)
      const s = net.predict(testX.rowSlice(start, end), INFERENCE)
      for (let i = 0; i < s.rows; i++) m[testY[start + i]][argmaxRow(s.data, i, s.cols)]++
    }
    return m
  }

  private weightStats(i: number): Pick<LayerSnapshot, 'weights' | 'gradNorm' | 'updateRatio'> {
    const a = this.affines[i]
    let spec = this.weightSpecs[i]
    if (!spec) {
      let maxAbs = 0
      for (let j = 0; j < a.W.length; j++) maxAbs = Math.max(maxAbs, Math.abs(a.W[j]))
      spec = this.weightSpecs[i] = weightBins(maxAbs)
    }
    const ws = weightSummary(a.W, this.stepped ? this.previous[i] : null, spec)
    const stats: Pick<LayerSnapshot, 'weights' | 'gradNorm' | 'updateRatio'> = { weights: { edges: binEdges(spec), counts: ws.counts } }
    if (this.stepped) {
      const g = norm(a.dW)
      if (Number.isFinite(g)) stats.gradNorm = g
      if (Number.isFinite(ws.diffNorm) && ws.prevNorm > 0) stats.updateRatio = ws.diffNorm / ws.prevNorm
    }
    return stats
  }

  /** The first layer's weights of up to MAX_TILE_UNITS units as square tiles (none when the input is not square). */
  private weightTiles(): WeightTiles | null {
    const a = this.affines[0]
    const side = Math.round(Math.sqrt(a.inSize))
    if (side * side !== a.inSize) return null
    const units = Math.min(MAX_TILE_UNITS, a.outSize)
    let scale = 0
    for (let p = 0; p < a.inSize; p++) for (let j = 0; j < units; j++) {
      const w = Math.abs(a.W[p * a.outSize + j])
      if (Number.isFinite(w)) scale = Math.max(scale, w)
    }
    const bytes = new Uint8Array(units * a.inSize)
    for (let p = 0; p < a.inSize; p++) {
      for (let j = 0; j < units; j++) {
        const w = a.W[p * a.outSize + j]
        const q = scale > 0 && Number.isFinite(w) ? Math.round((w / scale) * 127) : 0
        bytes[j * a.inSize + p] = 128 + Math.max(-127, Math.min(127, q))
      }
    }
    return { units, rows: side, cols: side, scale, data: bytesToBase64(bytes) }
  }
}
