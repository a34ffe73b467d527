/**
 * Fixed histogram bins per layer kind, so that runs (and steps) compare bin for bin. Activation
 * ranges follow the lesson's figures: sigmoid over (0, 1) in 30 bins like the book's
 * plt.hist(a.flatten(), 30, range=(0,1)); tanh over (−1, 1); ReLU over [0, 3]; softmax
 * probabilities over [0, 1]. Pre-activations (the activation's input) over a symmetric range
 * where the function bends. Values beyond a range are counted in its end bins.
 */
import type { LayerKind } from '../../shared/inside'

export interface BinSpec {
  lo: number
  hi: number
  bins: number
}

export const ACTIVATION_BINS: Record<LayerKind, BinSpec> = {
  relu: { lo: 0, hi: 3, bins: 30 },
  sigmoid: { lo: 0, hi: 1, bins: 30 },
  tanh: { lo: -1, hi: 1, bins: 30 },
  softmax: { lo: 0, hi: 1, bins: 20 },
}

export const PRE_ACTIVATION_BINS: Record<Exclude<LayerKind, 'softmax'>, BinSpec> = {
  relu: { lo: -3, hi: 3, bins: 30 },
  sigmoid: { lo: -6, hi: 6, bins: 30 },
  tanh: { lo: -3, hi: 3, bins: 30 },
}

/** Bins for a layer's weights: symmetric around 0, ±2× the largest |w| at the first snapshot. */
export const WEIGHT_BINS = 30
export function weightBins(maxAbs: number): BinSpec {
  const r = maxAbs > 0 && Number.isFinite(maxAbs) ? 2 * maxAbs : 1e-3
  return { lo: -r, hi: r, bins: WEIGHT_BINS }
}

export function binEdges(b: BinSpec): number[] {
  return Array.from({ length: b.bins + 1 }, (_, i) => b.lo + ((b.hi - b.lo) * i) / b.bins)
}
