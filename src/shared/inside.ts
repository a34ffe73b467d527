/**
 * "Inside" the network while it trains (issue 12): layer snapshots on a fixed probe batch of
 * test images at iteration 0 and at every evaluation point, the predictions on a fixed sample of
 * test digits, first-layer weights as image tiles, and (in FinalMetrics) the test confusion
 * matrix. The trainer sends one InsideFrame per evaluation point; the store keeps them per run.
 */
import { z } from 'zod'

const count = z.number().int().nonnegative()
const fraction = z.number().min(0).max(1)

/** Equal-width bins: edges.length = counts.length + 1. Values beyond the ends are counted in the end bins. */
export const HistogramSchema = z
  .object({ edges: z.array(z.number()).min(2), counts: z.array(count) })
  .refine((h) => h.edges.length === h.counts.length + 1, { message: 'a histogram needs one more edge than counts' })
export type InsideHistogram = z.infer<typeof HistogramSchema>

/** A hidden block's activation function, or the output layer's softmax. */
export const LayerKindSchema = z.enum(['relu', 'sigmoid', 'tanh', 'softmax'])
export type LayerKind = z.infer<typeof LayerKindSchema>

/**
 * One layer at one step, on the probe batch. `activations` and `preActivations` (the activation
 * function's input, after BatchNorm when there is one) use fixed bins per kind (src/engine/inside/bins.ts),
 * so runs compare; mean and std are of the activations. `dead` (ReLU): fraction of units that
 * output 0 for every probe image; `saturated` (sigmoid, tanh): fraction of activations within
 * 0.01 of an asymptote. Per Affine layer feeding it: a weight histogram, ‖dW‖ of the last
 * training step and that step's ‖ΔW‖/‖W‖ (absent at step 0). `nonFinite` counts NaN/±∞
 * activations (a diverged run), which are left out of everything else.
 */
export const LayerSnapshotSchema = z.object({
  index: z.number().int().positive(),
  kind: LayerKindSchema,
  activations: HistogramSchema,
  preActivations: HistogramSchema.optional(),
  mean: z.number(),
  std: z.number().nonnegative(),
  dead: fraction.optional(),
  saturated: fraction.optional(),
  weights: HistogramSchema.optional(),
  gradNorm: z.number().nonnegative().optional(),
  updateRatio: z.number().nonnegative().optional(),
  nonFinite: count.optional(),
})
export type LayerSnapshot = z.infer<typeof LayerSnapshotSchema>

export const SnapshotSchema = z.object({ step: count, layers: z.array(LayerSnapshotSchema).min(1) })
export type Snapshot = z.infer<typeof SnapshotSchema>

/** Predicted class and its softmax probability for each of the fixed sample digits. */
export const PredictionsSchema = z
  .object({ predicted: z.array(count), probability: z.array(fraction) })
  .refine((p) => p.predicted.length === p.probability.length, { message: 'one probability per prediction' })
export type Predictions = z.infer<typeof PredictionsSchema>

/**
 * First-layer weights of `units` units as rows×cols tiles: unit-major, pixel-major bytes
 * (base64), byte b stands for (b − 128) / 127 · scale (scale = the largest |w| of these units).
 */
export const WeightTilesSchema = z.object({
  units: z.number().int().positive().max(64),
  rows: z.number().int().positive(),
  cols: z.number().int().positive(),
  scale: z.number().nonnegative(),
  data: z.string(),
})
export type WeightTiles = z.infer<typeof WeightTilesSchema>

/** Everything recorded at one evaluation point. Tiles are kept at up to MAX_TILE_FRAMES points per run. */
export const InsideFrameSchema = SnapshotSchema.extend({
  predictions: PredictionsSchema.optional(),
  tiles: WeightTilesSchema.optional(),
})
export type InsideFrame = z.infer<typeof InsideFrameSchema>

/** The fixed sample of test digits (the same for every run of an experiment): pixels 0–255, base64. */
export const DigitsSchema = z.object({
  indices: z.array(count),
  labels: z.array(count),
  rows: z.number().int().positive(),
  cols: z.number().int().positive(),
  pixels: z.string(),
})
export type Digits = z.infer<typeof DigitsSchema>

/** A run's whole inside record, as the API and bundles carry it. */
export const RunInsideSchema = z.object({ digits: DigitsSchema.nullable(), frames: z.array(InsideFrameSchema) })
export type RunInside = z.infer<typeof RunInsideSchema>

/** Test confusion matrix: confusion[true][predicted] counts; its trace / total = testAcc. */
export const ConfusionSchema = z
  .array(z.array(count))
  .refine((m) => m.every((row) => row.length === m.length), { message: 'the confusion matrix must be square' })

/** Probe images: enough for the histograms (128 × 100 units = 12,800 values per layer), few enough to cost little. */
export const PROBE_SIZE = 128
export const DIGIT_SAMPLE = 32
export const MAX_TILE_UNITS = 64
/** Tiles at every evaluation point up to this many per run; beyond it, evenly spread points keep them. */
export const MAX_TILE_FRAMES = 21

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Bytes → base64 (no Node or DOM needed: the engine, the renderer and main share it). */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0
    const n = (a << 16) | (b << 8) | c
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63]
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63] : '='
    out += i + 2 < bytes.length ? B64[n & 63] : '='
  }
  return out
}

/** base64 → bytes; throws on a character outside the alphabet. */
export function base64ToBytes(s: string): Uint8Array {
  const clean = s.replace(/=+$/, '')
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4))
  let bits = 0
  let acc = 0
  let o = 0
  for (let i = 0; i < clean.length; i++) {
    const v = B64.indexOf(clean[i])
    if (v < 0) throw new Error(`not base64: '${clean[i]}' at ${i}`)
    acc = (acc << 6) | v
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (acc >> bits) & 255
    }
  }
  return out
}
