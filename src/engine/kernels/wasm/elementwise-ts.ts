/**
 * TypeScript reference of the element-wise kernels (the fallback of the WebAssembly ones, and
 * what the tests compare them with). Same formulas as the engine's ReLU layer and optimizers.
 */
import type { ElementwiseKernels } from './index'

export const tsElementwise: ElementwiseKernels = {
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
    const mm = alpha * alpha
    const step = (1 + alpha) * lr
    for (let j = 0; j < len; j++) {
      v[j] = alpha * v[j] - lr * g[j]
      p[j] += mm * v[j] - step * g[j]
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
