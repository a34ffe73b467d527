// ---- softmax with cross-entropy (the book's SoftmaxWithLoss) -----------------------------------
// Scalar float64 arithmetic in the reference's order (n is the 10 classes: nothing to vectorize),
// so the probabilities round to the same float32 values; what it saves is the JS glue per row.

/**
 * y[i, ·] = softmax(s[i, ·]) for an s of m×n (row max subtracted); returns
 * Σ_i −ln(y[i, t_i] + 1e-7) over the byte labels at t, or 0 when t is 0 (no labels).
 */
export function softmaxLoss(s: usize, t: usize, y: usize, m: i32, n: i32): f64 {
  let total: f64 = 0
  const row = <usize>n << 2
  for (let i = 0; i < m; i++) {
    const r = s + <usize>i * row
    const yr = y + <usize>i * row
    let max: f64 = -Infinity
    for (let j = 0; j < n; j++) {
      const v = <f64>load<f32>(r + (<usize>j << 2))
      if (v > max) max = v
    }
    let sum: f64 = 0
    for (let j = 0; j < n; j++) sum += Math.exp(<f64>load<f32>(r + (<usize>j << 2)) - max)
    for (let j = 0; j < n; j++) store<f32>(yr + (<usize>j << 2), <f32>(Math.exp(<f64>load<f32>(r + (<usize>j << 2)) - max) / sum))
    if (t != 0) total -= Math.log(<f64>load<f32>(yr + (<usize>load<u8>(t + <usize>i) << 2)) + 1e-7)
  }
  return total
}

/** dx = (y − onehot(t))/m: dx[i] = y[i]/m, then dx[i, t_i] −= 1/m, each rounded once from float64. */
export function softmaxBackward(y: usize, t: usize, dx: usize, m: i32, n: i32): void {
  const fm = <f64>m
  const end = (<usize>m * <usize>n) << 2
  for (let o: usize = 0; o < end; o += 4) store<f32>(dx + o, <f32>(<f64>load<f32>(y + o) / fm))
  const inv = 1 / fm
  const row = <usize>n << 2
  for (let i = 0; i < m; i++) {
    const p = dx + <usize>i * row + (<usize>load<u8>(t + <usize>i) << 2)
    store<f32>(p, <f32>(<f64>load<f32>(p) - inv))
  }
}
