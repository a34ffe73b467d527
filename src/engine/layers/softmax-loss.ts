/**
 * Softmax + cross-entropy (the book's SoftmaxWithLoss): numerically stable softmax (row max
 * subtracted), loss = −mean_i log(y[i, t_i] + 1e-7), backward (y − onehot(t))/batch.
 */
import { BufferPool, Matrix } from '../matrix'

export class SoftmaxWithLoss {
  private readonly pool = new BufferPool()
  private y: Matrix | null = null
  private labels: Uint8Array | null = null

  /** Softmax of each row of `scores` into a reused matrix. */
  softmax(scores: Matrix): Matrix {
    const { rows, cols } = scores
    const y = this.pool.get(0, rows, cols)
    const sd = scores.data
    const yd = y.data
    for (let i = 0; i < rows; i++) {
      const r = i * cols
      let max = -Infinity
      for (let j = 0; j < cols; j++) if (sd[r + j] > max) max = sd[r + j]
      let sum = 0
      for (let j = 0; j < cols; j++) sum += Math.exp(sd[r + j] - max)
      for (let j = 0; j < cols; j++) yd[r + j] = Math.exp(sd[r + j] - max) / sum
    }
    return y
  }

  /** Mean cross-entropy over the batch; the probabilities are kept for backward. */
  forward(scores: Matrix, labels: Uint8Array): number {
    const { rows, cols } = scores
    if (labels.length < rows) throw new Error(`SoftmaxWithLoss: ${rows} rows but ${labels.length} labels`)
    const y = this.softmax(scores)
    const yd = y.data
    let total = 0
    for (let i = 0; i < rows; i++) {
      const t = labels[i]
      if (t >= cols) throw new Error(`label ${t} out of range for ${cols} classes`)
      total -= Math.log(yd[i * cols + t] + 1e-7)
    }
    this.y = y
    this.labels = labels
    return total / rows
  }

  /** dL/dscores = (y − onehot(t))/batch (dout = 1). */
  backward(): Matrix {
    const y = this.y
    const labels = this.labels
    if (!y || !labels) throw new Error('SoftmaxWithLoss.backward called before forward')
    const { rows, cols } = y
    const dx = this.pool.get(1, rows, cols)
    const yd = y.data
    const dd = dx.data
    for (let i = 0; i < yd.length; i++) dd[i] = yd[i] / rows
    for (let i = 0; i < rows; i++) dd[i * cols + labels[i]] -= 1 / rows
    return dx
  }
}
