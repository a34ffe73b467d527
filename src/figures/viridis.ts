/**
 * Viridis (matplotlib's default colour map): perceptually uniform, readable in grey and by the
 * common forms of colour blindness. `colorScale` maps a clipped value range onto it and says
 * which values were clamped to an end.
 */

/** Viridis sampled at 0, 0.1, … 1 (matplotlib), interpolated linearly in between. */
const STOPS = ['#440154', '#482475', '#414487', '#355f8d', '#2a788e', '#21918c', '#22a884', '#44bf70', '#7ad151', '#bddf26', '#fde725'].map((h) => [
  parseInt(h.slice(1, 3), 16),
  parseInt(h.slice(3, 5), 16),
  parseInt(h.slice(5, 7), 16),
])

/** The colour at t ∈ [0, 1] (clamped), as `rgb(r g b)`. */
export function viridis(t: number): string {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (STOPS.length - 1)
  const i = Math.min(STOPS.length - 2, Math.floor(x))
  const f = x - i
  const [a, b] = [STOPS[i]!, STOPS[i + 1]!]
  const c = a.map((v, k) => Math.round(v + (b[k]! - v) * f))
  return `rgb(${c[0]} ${c[1]} ${c[2]})`
}

export interface ColorScale {
  min: number
  max: number
  color(v: number): string
  /** −1 below the range (drawn as the lowest colour), 1 above it, 0 inside. */
  clamp(v: number): -1 | 0 | 1
}

export function colorScale(min: number, max: number): ColorScale {
  const span = max - min
  return {
    min,
    max,
    color: (v) => viridis(span > 0 ? (v - min) / span : 1),
    clamp: (v) => (v < min - 1e-12 ? -1 : v > max + 1e-12 ? 1 : 0),
  }
}
