/**
 * Softmax + cross-entropy (the book's SoftmaxWithLoss): numerically stable softmax (row max
 * subtracted), loss = −mean_i log(y[i, t_i] + 1e-7), backward (y − onehot(t))/batch. The loops
 * are kernels (softmaxLoss, softmaxBackward): the TypeScript reference or WebAssembly.
 */
import { getKernels } from '../kernels'
import { BufferPool, Matrix } from '../matrix'

export class SoftmaxWithLoss {
  private readonly pool = new BufferPool()
  private y: Matrix | null = null
  private labels: Uint8Array | null = null

  /** Softmax of each row of `scores` into a reused matrix. */
  softmax(scores: Matrix): Matrix {
    const y = this.pool.get(0, scores.rows, scores.cols)
    getKernels().softmaxLoss(scores.data, null, y.data, scores.rows, scores.cols)
    return y
  }

  /** Mean cross-entropy over the batch; the probabilities are kept for backward. */
  forward(scores: Matrix, labels: Uint8Array): number {
    const { rows, cols } = scores
    if (labels.length < rows) throw new Error(`SoftmaxWithLoss: ${rows} rows but ${labels.length} labels`)
    for (let i = 0; i < rows; i++) if (labels[i] >= cols) throw new Error(`label ${labels[i]} out of range for ${cols} classes`)
    const y = this.pool.get(0, rows, cols)
    const total = getKernels().softmaxLoss(scores.data, labels, y.data, rows, cols)
    this.y = y
    this.labels = labels
    return total / rows
  }

  /** dL/dscores = (y − onehot(t))/batch (dout = 1). */
  backward(): Matrix {
    const y = this.y
    const labels = this.labels
    if (!y || !labels) throw new Error('SoftmaxWithLoss.backward called before forward')
    const dx = this.pool.get(1, y.rows, y.cols)
    getKernels().softmaxBackward(y.data, labels, dx.data, y.rows, y.cols)
    return dx
  }
}
