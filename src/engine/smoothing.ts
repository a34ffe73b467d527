/**
 * The book's smooth_curve (common/util.py): mirror the series at both ends, convolve with a
 * normalized Kaiser window (length 11, β = 2) and keep the centre, so the result has the
 * series' length:
 *   s = np.r_[x[L-1:0:-1], x, x[-1:-L:-1]]; y = np.convolve(w/w.sum(), s, mode='valid'); y[5:len(y)-5]
 * The window length is a parameter here (odd; an even length is rounded up).
 */

/** Modified Bessel function of the first kind, order 0: Σ ((x/2)^k / k!)². */
export function besselI0(x: number): number {
  const q = (x * x) / 4
  let term = 1
  let sum = 1
  for (let k = 1; k < 500; k++) {
    term *= q / (k * k)
    sum += term
    if (term < sum * 1e-17) break
  }
  return sum
}

/** numpy.kaiser(M, beta). */
export function kaiser(length: number, beta: number): Float64Array {
  if (!(Number.isInteger(length) && length >= 1)) throw new Error(`kaiser window length must be a whole number ≥ 1, got ${length}`)
  const w = new Float64Array(length)
  if (length === 1) {
    w[0] = 1
    return w
  }
  const alpha = (length - 1) / 2
  const denom = besselI0(beta)
  for (let n = 0; n < length; n++) {
    const r = (n - alpha) / alpha
    w[n] = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / denom
  }
  return w
}

export interface SmoothOptions {
  /** Window length (the book: 11). Even lengths are rounded up to the next odd one. */
  window?: number
  /** Kaiser β (the book: 2). */
  beta?: number
}

/**
 * The book's smooth_curve. For a series of length n ≥ window it is exactly the book's result.
 * The book's code returns a shorter (or empty) array when n < window; here the window then
 * shrinks to the largest odd length ≤ n so the result always has n points.
 */
export function smoothCurve(x: ArrayLike<number>, opts: SmoothOptions = {}): Float64Array {
  const n = x.length
  const beta = opts.beta ?? 2
  let L = opts.window ?? 11
  if (!(Number.isInteger(L) && L >= 1)) throw new Error(`smoothing window must be a whole number ≥ 1, got ${L}`)
  if (L % 2 === 0) L += 1
  if (n < L) L = n % 2 === 1 ? n : n - 1
  if (L <= 1) return Float64Array.from(x)
  const w = kaiser(L, beta)
  let wsum = 0
  for (let i = 0; i < L; i++) wsum += w[i]
  for (let i = 0; i < L; i++) w[i] /= wsum
  // s = x[L-1], ..., x[1], x[0], ..., x[n-1], x[n-1], ..., x[n-L+1]   (length n + 2L − 2)
  const s = new Float64Array(n + 2 * L - 2)
  let k = 0
  for (let i = L - 1; i >= 1; i--) s[k++] = x[i]
  for (let i = 0; i < n; i++) s[k++] = x[i]
  for (let i = n - 1; i >= n - L + 1; i--) s[k++] = x[i]
  // valid convolution has n + L − 1 points; the book keeps [half, len − half): n points.
  const half = (L - 1) / 2
  const out = new Float64Array(n)
  for (let t = 0; t < n; t++) {
    const c = t + half + L - 1 // index in the full convolution
    let acc = 0
    for (let i = 0; i < L; i++) acc += w[i] * s[c - i]
    out[t] = acc
  }
  return out
}
