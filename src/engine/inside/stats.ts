/** The statistics of one snapshot: clamped fixed-bin counts, mean/std, dead and saturated fractions, norms. */
import type { InsideHistogram } from '../../shared/inside'
import { type BinSpec, binEdges } from './bins'

export interface Moments {
  mean: number
  std: number
  /** NaN/±∞ values, left out of the counts and the moments. */
  nonFinite: number
}

/**
 * Counts of `values` in fixed equal-width bins; values below lo go in the first bin, above hi
 * in the last (so the counts sum to the number of finite values). Bin i holds
 * [edges[i], edges[i+1]), the last one also its right edge (numpy.histogram with clipping).
 */
export function clampedHistogram(values: ArrayLike<number>, spec: BinSpec): InsideHistogram {
  const counts = new Array<number>(spec.bins).fill(0)
  const scale = spec.bins / (spec.hi - spec.lo)
  const last = spec.bins - 1
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (!Number.isFinite(v)) continue
    const b = Math.floor((v - spec.lo) * scale)
    counts[b < 0 ? 0 : b > last ? last : b]++
  }
  return { edges: binEdges(spec), counts }
}

/** Mean and population standard deviation (numpy's std, ddof 0) of the finite values, in float64. */
export function moments(values: ArrayLike<number>): Moments {
  let n = 0
  let sum = 0
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (Number.isFinite(v)) (n++, (sum += v))
  }
  const mean = n ? sum / n : 0
  let sq = 0
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (Number.isFinite(v)) sq += (v - mean) * (v - mean)
  }
  return { mean, std: n ? Math.sqrt(sq / n) : 0, nonFinite: values.length - n }
}

/** Fraction of the `units` columns of a rows×units activation matrix that are 0 for every row (dead ReLUs). */
export function deadFraction(a: ArrayLike<number>, rows: number, units: number): number {
  if (units === 0) return 0
  let dead = 0
  for (let j = 0; j < units; j++) {
    let alive = false
    for (let i = 0; i < rows && !alive; i++) alive = a[i * units + j] !== 0
    if (!alive) dead++
  }
  return dead / units
}

/** Fraction of activations within 0.01 of an asymptote: sigmoid < 0.01 or > 0.99, |tanh| > 0.99 (lab 3's rule). */
export function saturatedFraction(a: ArrayLike<number>, kind: 'sigmoid' | 'tanh'): number {
  let sat = 0
  let n = 0
  for (let i = 0; i < a.length; i++) {
    const v = a[i]
    if (!Number.isFinite(v)) continue
    n++
    if (kind === 'sigmoid' ? v < 0.01 || v > 0.99 : Math.abs(v) > 0.99) sat++
  }
  return n ? sat / n : 0
}

/** Euclidean norm in float64. */
export function norm(a: ArrayLike<number>): number {
  let s = 0
  for (let i = 0; i < a.length; i++) s += a[i] * a[i]
  return Math.sqrt(s)
}

/** ‖a − b‖ in float64. */
export function diffNorm(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i]
    s += d * d
  }
  return Math.sqrt(s)
}

/** Row-wise softmax of class scores (max subtracted), into `out`. */
export function softmaxRows(scores: ArrayLike<number>, rows: number, cols: number, out: Float64Array): void {
  for (let i = 0; i < rows; i++) {
    let max = -Infinity
    for (let j = 0; j < cols; j++) max = Math.max(max, scores[i * cols + j])
    let sum = 0
    for (let j = 0; j < cols; j++) sum += out[i * cols + j] = Math.exp(scores[i * cols + j] - max)
    for (let j = 0; j < cols; j++) out[i * cols + j] /= sum
  }
}

/** Index of the largest of row i (the first one on ties, as Network.accuracy). */
export function argmaxRow(a: ArrayLike<number>, i: number, cols: number): number {
  let best = 0
  for (let j = 1; j < cols; j++) if (a[i * cols + j] > a[i * cols + best]) best = j
  return best
}

export interface WeightSummary {
  counts: number[]
  /** ‖W_prev‖ and ‖W − W_prev‖ (NaN when there is no previous W). */
  prevNorm: number
  diffNorm: number
}

/** The weight histogram, ‖W_prev‖ and ‖W − W_prev‖ in one pass (the same numbers as clampedHistogram, norm, diffNorm). */
export function weightSummary(w: ArrayLike<number>, prev: ArrayLike<number> | null, spec: BinSpec): WeightSummary {
  const counts = new Array<number>(spec.bins).fill(0)
  const scale = spec.bins / (spec.hi - spec.lo)
  const last = spec.bins - 1
  let p2 = 0
  let d2 = 0
  for (let i = 0; i < w.length; i++) {
    const v = w[i]
    if (prev) {
      const q = prev[i]
      p2 += q * q
      d2 += (v - q) * (v - q)
    }
    if (!Number.isFinite(v)) continue
    const b = Math.floor((v - spec.lo) * scale)
    counts[b < 0 ? 0 : b > last ? last : b]++
  }
  return { counts, prevNorm: prev ? Math.sqrt(p2) : NaN, diffNorm: prev ? Math.sqrt(d2) : NaN }
}
