/**
 * The TypeScript kernels, written for V8: i-k-j loop order over row offsets, a 4×2 block of A
 * per pass (each row of C loaded once for two rows of B), zero entries of A skipped (MNIST
 * pixels are ~80% zero, ReLU outputs ~50%), dot products blocked by four; no allocation.
 * Skipping zeros means 0·Inf/NaN in B does not propagate: finite results are unaffected.
 */
import type { Kernels } from './types'

/** c[co..co+n) += v · b[bo..bo+n), unrolled by four. */
function axpy(c: Float32Array, co: number, v: number, b: Float32Array, bo: number, n: number): void {
  const n4 = n - (n % 4)
  let j = 0
  for (; j < n4; j += 4) {
    c[co + j] += v * b[bo + j]
    c[co + j + 1] += v * b[bo + j + 1]
    c[co + j + 2] += v * b[bo + j + 2]
    c[co + j + 3] += v * b[bo + j + 3]
  }
  for (; j < n; j++) c[co + j] += v * b[bo + j]
}

/**
 * C[m×n] += op(A)·B[k×n] where op(A)[i, p] = a[i·rs + p·ps] (rs = k, ps = 1 for A; rs = 1,
 * ps = m for Aᵀ). Rows of C go in blocks of four and k in steps of two: the eight A entries of
 * a step are applied row by row when at most three are non-zero (sparse input), otherwise the
 * four C rows share one pass over two rows of B.
 */
function gemm(a: Float32Array, rs: number, ps: number, b: Float32Array, c: Float32Array, m: number, k: number, n: number): void {
  const m4 = m - (m % 4)
  let i = 0
  for (; i < m4; i += 4) {
    const c0 = i * n
    const c1 = c0 + n
    const c2 = c1 + n
    const c3 = c2 + n
    const a0 = i * rs
    const a1 = a0 + rs
    const a2 = a1 + rs
    const a3 = a2 + rs
    let p = 0
    for (; p + 1 < k; p += 2) {
      const po = p * ps
      const qo = po + ps
      const v0 = a[a0 + po]
      const v1 = a[a1 + po]
      const v2 = a[a2 + po]
      const v3 = a[a3 + po]
      const w0 = a[a0 + qo]
      const w1 = a[a1 + qo]
      const w2 = a[a2 + qo]
      const w3 = a[a3 + qo]
      const nz =
        (v0 !== 0 ? 1 : 0) + (v1 !== 0 ? 1 : 0) + (v2 !== 0 ? 1 : 0) + (v3 !== 0 ? 1 : 0) +
        (w0 !== 0 ? 1 : 0) + (w1 !== 0 ? 1 : 0) + (w2 !== 0 ? 1 : 0) + (w3 !== 0 ? 1 : 0)
      if (nz === 0) continue
      const bp = p * n
      const bq = bp + n
      if (nz <= 3) {
        if (v0 !== 0) axpy(c, c0, v0, b, bp, n)
        if (v1 !== 0) axpy(c, c1, v1, b, bp, n)
        if (v2 !== 0) axpy(c, c2, v2, b, bp, n)
        if (v3 !== 0) axpy(c, c3, v3, b, bp, n)
        if (w0 !== 0) axpy(c, c0, w0, b, bq, n)
        if (w1 !== 0) axpy(c, c1, w1, b, bq, n)
        if (w2 !== 0) axpy(c, c2, w2, b, bq, n)
        if (w3 !== 0) axpy(c, c3, w3, b, bq, n)
        continue
      }
      for (let j = 0; j < n; j++) {
        const x = b[bp + j]
        const y = b[bq + j]
        c[c0 + j] += v0 * x + w0 * y
        c[c1 + j] += v1 * x + w1 * y
        c[c2 + j] += v2 * x + w2 * y
        c[c3 + j] += v3 * x + w3 * y
      }
    }
    if (p < k) {
      // odd k: the last row of B, one C row at a time
      const po = p * ps
      const bp = p * n
      if (a[a0 + po] !== 0) axpy(c, c0, a[a0 + po], b, bp, n)
      if (a[a1 + po] !== 0) axpy(c, c1, a[a1 + po], b, bp, n)
      if (a[a2 + po] !== 0) axpy(c, c2, a[a2 + po], b, bp, n)
      if (a[a3 + po] !== 0) axpy(c, c3, a[a3 + po], b, bp, n)
    }
  }
  for (; i < m; i++) {
    const ci = i * n
    const ai = i * rs
    for (let p = 0; p < k; p++) {
      const v = a[ai + p * ps]
      if (v !== 0) axpy(c, ci, v, b, p * n, n)
    }
  }
}

function matmul(a: Float32Array, b: Float32Array, c: Float32Array, m: number, k: number, n: number, accumulate: boolean): void {
  if (!accumulate) c.fill(0, 0, m * n)
  gemm(a, k, 1, b, c, m, k, n)
}

function matmulTN(a: Float32Array, b: Float32Array, c: Float32Array, m: number, k: number, n: number, accumulate: boolean): void {
  if (!accumulate) c.fill(0, 0, m * n)
  gemm(a, 1, m, b, c, m, k, n)
}

/** Dot products of rows of A with rows of B, four rows of B at a time (A's row loaded once). */
function matmulNT(a: Float32Array, b: Float32Array, c: Float32Array, m: number, k: number, n: number, accumulate: boolean): void {
  const n4 = n - (n % 4)
  for (let i = 0; i < m; i++) {
    const ai = i * k
    const ci = i * n
    let j = 0
    for (; j < n4; j += 4) {
      const b0 = j * k
      const b1 = b0 + k
      const b2 = b1 + k
      const b3 = b2 + k
      let s0 = 0
      let s1 = 0
      let s2 = 0
      let s3 = 0
      for (let p = 0; p < k; p++) {
        const av = a[ai + p]
        s0 += av * b[b0 + p]
        s1 += av * b[b1 + p]
        s2 += av * b[b2 + p]
        s3 += av * b[b3 + p]
      }
      if (accumulate) {
        c[ci + j] += s0
        c[ci + j + 1] += s1
        c[ci + j + 2] += s2
        c[ci + j + 3] += s3
      } else {
        c[ci + j] = s0
        c[ci + j + 1] = s1
        c[ci + j + 2] = s2
        c[ci + j + 3] = s3
      }
    }
    for (; j < n; j++) {
      const bj = j * k
      let s = 0
      for (let p = 0; p < k; p++) s += a[ai + p] * b[bj + p]
      c[ci + j] = accumulate ? c[ci + j] + s : s
    }
  }
}

function addBias(c: Float32Array, bias: Float32Array, m: number, n: number): void {
  for (let i = 0; i < m; i++) {
    const ci = i * n
    for (let j = 0; j < n; j++) c[ci + j] += bias[j]
  }
}

function colSums(a: Float32Array, out: Float32Array, m: number, n: number, accumulate: boolean): void {
  if (!accumulate) out.fill(0, 0, n)
  for (let i = 0; i < m; i++) {
    const ai = i * n
    for (let j = 0; j < n; j++) out[j] += a[ai + j]
  }
}

function softmaxLoss(s: Float32Array, labels: Uint8Array | null, y: Float32Array, m: number, n: number): number {
  let total = 0
  for (let i = 0; i < m; i++) {
    const r = i * n
    let max = -Infinity
    for (let j = 0; j < n; j++) if (s[r + j] > max) max = s[r + j]
    let sum = 0
    for (let j = 0; j < n; j++) sum += Math.exp(s[r + j] - max)
    for (let j = 0; j < n; j++) y[r + j] = Math.exp(s[r + j] - max) / sum
    if (labels) total -= Math.log(y[r + labels[i]] + 1e-7)
  }
  return total
}

function softmaxBackward(y: Float32Array, labels: Uint8Array, dx: Float32Array, m: number, n: number): void {
  const len = m * n
  for (let i = 0; i < len; i++) dx[i] = y[i] / m
  for (let i = 0; i < m; i++) dx[i * n + labels[i]] -= 1 / m
}

export const tsKernels: Kernels = {
  name: 'typescript',
  matmul,
  matmulTN,
  matmulNT,
  addBias,
  colSums,
  softmaxLoss,
  softmaxBackward,
  relu(x, out, len) {
    for (let i = 0; i < len; i++) out[i] = x[i] > 0 ? x[i] : 0
  },
  reluBackward(out, dout, dx, len) {
    for (let i = 0; i < len; i++) dx[i] = out[i] > 0 ? dout[i] : 0
  },
  axpy(y, x, len, a) {
    for (let i = 0; i < len; i++) y[i] += a * x[i]
  },
  sumSquares(x, len) {
    let s = 0
    for (let i = 0; i < len; i++) s += x[i] * x[i]
    return s
  },
  momentum(p, g, v, len, lr, alpha) {
    for (let j = 0; j < len; j++) {
      v[j] = alpha * v[j] - lr * g[j]
      p[j] += v[j]
    }
  },
  nesterov(p, g, v, len, lr, alpha) {
    for (let j = 0; j < len; j++) {
      v[j] = alpha * v[j] - lr * g[j]
      p[j] += alpha * v[j] - lr * g[j]
    }
  },
  adagrad(p, g, h, len, lr, eps) {
    for (let j = 0; j < len; j++) {
      h[j] += g[j] * g[j]
      p[j] -= (lr * g[j]) / (Math.sqrt(h[j]) + eps)
    }
  },
  rmsprop(p, g, h, len, lr, decay, eps) {
    const keep = 1 - decay
    for (let j = 0; j < len; j++) {
      h[j] = decay * h[j] + keep * g[j] * g[j]
      p[j] -= (lr * g[j]) / (Math.sqrt(h[j]) + eps)
    }
  },
  adam(p, g, m, v, len, lrT, a1, a2, eps) {
    for (let j = 0; j < len; j++) {
      const gj = g[j]
      m[j] += a1 * (gj - m[j])
      v[j] += a2 * (gj * gj - v[j])
      p[j] -= (lrT * m[j]) / (Math.sqrt(v[j]) + eps)
    }
  },
}
