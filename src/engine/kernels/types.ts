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
}
