/**
 * The hot kernels. Every matrix product of the engine goes through this interface, so a
 * WebAssembly backend can replace the TypeScript one with the same signatures (results equal
 * within float32 tolerance). All matrices are dense row-major Float32Arrays; shapes are passed
 * explicitly; `accumulate` adds into C instead of overwriting it. No kernel allocates.
 */
export interface Kernels {
  readonly name: string
  /** C[m×n] (+)= A[m×k] · B[k×n] */
  matmul(a: Float32Array, b: Float32Array, c: Float32Array, m: number, k: number, n: number, accumulate: boolean): void
  /** C[m×n] (+)= Aᵀ · B with A stored k×m and B stored k×n (dW = xᵀ·dout). */
  matmulTN(a: Float32Array, b: Float32Array, c: Float32Array, m: number, k: number, n: number, accumulate: boolean): void
  /** C[m×n] (+)= A · Bᵀ with A stored m×k and B stored n×k (dx = dout·Wᵀ). */
  matmulNT(a: Float32Array, b: Float32Array, c: Float32Array, m: number, k: number, n: number, accumulate: boolean): void
  /** C[i, j] += bias[j] for a C of m×n. */
  addBias(c: Float32Array, bias: Float32Array, m: number, n: number): void
  /** out[j] (+)= Σ_i A[i, j] for an A of m×n (db = column sums of dout). */
  colSums(a: Float32Array, out: Float32Array, m: number, n: number, accumulate: boolean): void

  // Element-wise hot loops (lengths explicit; arrays may be longer).
  /** out[i] = x[i] > 0 ? x[i] : 0 */
  relu(x: Float32Array, out: Float32Array, len: number): void
  /** dx[i] = out[i] > 0 ? dout[i] : 0 (out: ReLU's forward output) */
  reluBackward(out: Float32Array, dout: Float32Array, dx: Float32Array, len: number): void
  /** y[i] += a·x[i] (dW += λ·W; SGD is axpy(W, g, len, −η)) */
  axpy(y: Float32Array, x: Float32Array, len: number, a: number): void
  /** Σ x[i]² (accumulated in float64) */
  sumSquares(x: Float32Array, len: number): number
  /** Momentum: v ← α·v − η·g; p ← p + v */
  momentum(p: Float32Array, g: Float32Array, v: Float32Array, len: number, lr: number, alpha: number): void
  /** Nesterov, the book's fixed form (step with the old v): v ← α·v − η·g; p ← p + α·v − η·g (= p + α²·v_old − (1+α)·η·g) */
  nesterov(p: Float32Array, g: Float32Array, v: Float32Array, len: number, lr: number, alpha: number): void
  /** AdaGrad: h ← h + g²; p ← p − η·g/(√h + ε) */
  adagrad(p: Float32Array, g: Float32Array, h: Float32Array, len: number, lr: number, eps: number): void
  /** RMSProp: h ← γ·h + (1−γ)·g²; p ← p − η·g/(√h + ε) */
  rmsprop(p: Float32Array, g: Float32Array, h: Float32Array, len: number, lr: number, decay: number, eps: number): void
  /** Adam with the bias-corrected rate lrT: m += a1·(g − m); v += a2·(g² − v); p ← p − lrT·m/(√v + ε) */
  adam(p: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array, len: number, lrT: number, a1: number, a2: number, eps: number): void

  // Softmax with cross-entropy (the book's SoftmaxWithLoss), row by row in float64 like the
  // reference: the row max subtracted, exp, divided by the row's sum, rounded to float32 once.
  /**
   * y[i, ·] = softmax(s[i, ·]) for an s of m×n; returns Σ_i −ln(y[i, t_i] + 1e-7) over the labels
   * t (float64; 0 when labels is null). Labels must be < n (the caller checks).
   */
  softmaxLoss(s: Float32Array, labels: Uint8Array | null, y: Float32Array, m: number, n: number): number
  /** dx = (y − onehot(t))/m: dx[i] = y[i]/m, then dx[i, t_i] −= 1/m (each rounded once from float64). */
  softmaxBackward(y: Float32Array, labels: Uint8Array, dx: Float32Array, m: number, n: number): void

  /**
   * Optional: a zeroed Float32Array the backend can use without copying (the WebAssembly one
   * places it in its linear memory), or null when it has no room. Never freed: for buffers
   * that live as long as the process. Use `allocF32` from kernels/index.ts.
   */
  alloc?(length: number): Float32Array | null
  /**
   * Optional, with alloc: a mark of the allocation top, and a release back to it. Everything
   * allocated after the mark is handed back at release: its views must no longer be used (a
   * long-lived trainer marks before a run and releases after it, so runs reuse the same memory).
   */
  mark?(): number
  release?(mark: number): void
}
