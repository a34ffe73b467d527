/**
 * Lab 3 (the book's weight_init_activation_histogram): 1000×100 inputs ~ N(0,1) through 5
 * layers of 100 units without bias, weights from the chosen init, one activation; a histogram
 * of each layer's activations (30 bins over (0,1), the book's plt.hist(a.flatten(), 30,
 * range=(0,1)); over the data range for tanh) with mean, std and the saturated/dead fractions.
 */
import type { Activation, InitSpec } from '../shared/schemas'
import { initWeights } from './init'
import { Affine, createActivation } from './layers'
import { Matrix } from './matrix'
import { Rng } from './random'

export interface Histogram {
  /** bins + 1 edges, from range[0] to range[1]. */
  edges: number[]
  counts: number[]
  /** Values outside the range (not counted: numpy drops them too, e.g. ReLU outputs > 1). */
  outside: number
}

export interface ActivationStats {
  mean: number
  std: number
  /** Fraction of saturated units: sigmoid < 0.01 or > 0.99; tanh |a| > 0.99; 0 for ReLU. */
  saturated: number
  /** Fraction of dead units: ReLU output exactly 0; 0 for the others. */
  dead: number
}

export interface LayerHistogram extends Histogram, ActivationStats {
  layer: number
}

export interface HistogramLabSpec {
  init: InitSpec
  activation: Activation
  seed: number
  layers?: number
  units?: number
  samples?: number
  bins?: number
}

/** numpy.histogram(values, bins, range): equal-width bins, the last one closed on the right. */
export function histogram(values: ArrayLike<number>, bins: number, range?: [number, number]): Histogram {
  let [lo, hi] = range ?? dataRange(values)
  if (lo === hi) {
    lo -= 0.5
    hi += 0.5
  }
  const counts = new Array<number>(bins).fill(0)
  let outside = 0
  const width = hi - lo
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (!(v >= lo && v <= hi)) {
      outside++
      continue
    }
    const b = v === hi ? bins - 1 : Math.min(bins - 1, Math.floor(((v - lo) / width) * bins))
    counts[b]++
  }
  const edges = Array.from({ length: bins + 1 }, (_, i) => lo + (width * i) / bins)
  return { edges, counts, outside }
}

function dataRange(values: ArrayLike<number>): [number, number] {
  let lo = Infinity
  let hi = -Infinity
  for (let i = 0; i < values.length; i++) {
    if (values[i] < lo) lo = values[i]
    if (values[i] > hi) hi = values[i]
  }
  return values.length ? [lo, hi] : [0, 1]
}

const SATURATED: Record<Activation, (a: number) => boolean> = {
  sigmoid: (a) => a < 0.01 || a > 0.99,
  tanh: (a) => Math.abs(a) > 0.99,
  relu: () => false,
}

const DEAD: Record<Activation, (a: number) => boolean> = {
  relu: (a) => a === 0,
  sigmoid: () => false,
  tanh: () => false,
}

export function activationStats(values: ArrayLike<number>, activation: Activation): ActivationStats {
  const n = values.length
  let sum = 0
  let saturated = 0
  let dead = 0
  const sat = SATURATED[activation]
  const isDead = DEAD[activation]
  for (let i = 0; i < n; i++) {
    const a = values[i]
    sum += a
    if (sat(a)) saturated++
    if (isDead(a)) dead++
  }
  const mean = n ? sum / n : 0
  let sq = 0
  for (let i = 0; i < n; i++) sq += (values[i] - mean) ** 2
  return { mean, std: n ? Math.sqrt(sq / n) : 0, saturated: n ? saturated / n : 0, dead: n ? dead / n : 0 }
}

/** The book's experiment; streams 'input' and 'init' (one per layer) derive from the seed. */
export function activationHistograms(spec: HistogramLabSpec): LayerHistogram[] {
  const layers = spec.layers ?? 5
  const units = spec.units ?? 100
  const samples = spec.samples ?? 1000
  const bins = spec.bins ?? 30
  const root = new Rng(spec.seed)
  let x = new Matrix(samples, units)
  root.derive('input').fillNormal(x.data, 1)
  const initRng = root.derive('init')
  const range: [number, number] | undefined = spec.activation === 'tanh' ? undefined : [0, 1]
  const result: LayerHistogram[] = []
  for (let i = 0; i < layers; i++) {
    const affine = new Affine(units, units, { bias: false })
    initWeights(affine.W, spec.init, units, initRng.derive(`W${i + 1}`))
    const a = createActivation(spec.activation).forward(affine.forward(x), { train: false })
    result.push({ layer: i + 1, ...histogram(a.data, bins, range), ...activationStats(a.data, spec.activation) })
    x = a
  }
  return result
}
