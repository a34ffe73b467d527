/**
 * Central-difference gradient checks through the float32 engine.
 *
 * Tolerance: parameters and inputs are float32, so each perturbed value x ± h is rounded; the
 * difference quotient divides by the exact stored difference (xp − xm), not by 2h. Losses are
 * summed in float64 from float32 outputs; a perturbation changes only the outputs that depend
 * on the perturbed value, each with a rounding error of ~6e-8·|value|, so with h = 1e-2 the
 * noise in a numeric derivative is ~1e-5 (observed ≤ 2.5e-5) and the truncation error of central
 * differences (h²/6·f''') is below ~5e-5 for the smooth layers. Hence the tolerance
 * |num − ana| ≤ atol + rtol·|grad| with atol 1e-4, rtol 1e-3..3e-3: a wrong backward is off by
 * O(|grad|) and fails by orders of magnitude (one test shows it).
 */
import { Matrix, Rng } from '../../src/engine'

export interface CheckResult {
  /** Components left out because the perturbation crossed a ReLU kink (see numericGradient). */
  skipped: number
  maxAbsErr: number
  /** Worst error in units of the tolerance: ≤ 1 passes. */
  score: number
  worst: { index: number; numeric: number; analytic: number }
}

/**
 * Numeric dL/darr by central differences (arr is perturbed in place and restored). If
 * `signature` is given (e.g. which ReLU units are active), a component whose x ± h changes
 * the signature crossed a kink, where central differences are meaningless: it is NaN (skipped).
 */
export function numericGradient(loss: () => number, arr: Float32Array, h: number, signature?: () => string): Float64Array {
  const g = new Float64Array(arr.length)
  loss()
  const base = signature?.()
  for (let i = 0; i < arr.length; i++) {
    const orig = arr[i]
    arr[i] = orig + h
    const xp = arr[i]
    const fp = loss()
    const sp = signature?.()
    arr[i] = orig - h
    const xm = arr[i]
    const fm = loss()
    const sm = signature?.()
    arr[i] = orig
    g[i] = sp !== base || sm !== base ? NaN : (fp - fm) / (xp - xm)
  }
  return g
}

export interface Tolerance {
  /** Noise floor of the numeric derivative (float32 rounding / 2h). */
  atol: number
  rtol: number
}

/** Compare element-wise; score = max_i |num − ana| / (atol + rtol·max(|num|, |ana|)) must be ≤ 1. */
export function compareGradients(numeric: ArrayLike<number>, analytic: ArrayLike<number>, tol: Tolerance): CheckResult {
  let maxAbsErr = 0
  let score = 0
  let worst = { index: -1, numeric: 0, analytic: 0 }
  let skipped = 0
  for (let i = 0; i < numeric.length; i++) {
    if (Number.isNaN(numeric[i])) {
      skipped++
      continue
    }
    const abs = Math.abs(numeric[i] - analytic[i])
    const ratio = abs / (tol.atol + tol.rtol * Math.max(Math.abs(numeric[i]), Math.abs(analytic[i])))
    if (abs > maxAbsErr) maxAbsErr = abs
    if (ratio > score) {
      score = ratio
      worst = { index: i, numeric: numeric[i], analytic: analytic[i] }
    }
  }
  return { skipped, maxAbsErr, score, worst }
}

/** Random matrix with entries N(0, std²), kept at least `gap` away from 0 (ReLU kinks). */
export function randomMatrix(rows: number, cols: number, rng: Rng, std = 1, gap = 0): Matrix {
  const m = new Matrix(rows, cols)
  for (let i = 0; i < m.data.length; i++) {
    let v = rng.normal() * std
    while (Math.abs(v) < gap) v = rng.normal() * std
    m.data[i] = v
  }
  return m
}

/** Σ out ⊙ r in float64: a scalar loss whose gradient w.r.t. out is r. */
export function dotLoss(out: Matrix, r: Matrix): number {
  let s = 0
  for (let i = 0; i < out.data.length; i++) s += out.data[i] * r.data[i]
  return s
}
