// AssemblyScript source of the WebAssembly SIMD kernels (compiled by scripts/build-wasm.mjs
// twice: plain 128-bit SIMD, and with relaxed-SIMD fused multiply-add). The `.as` extension keeps
// it out of the TypeScript projects (it uses AssemblyScript's v128/usize types).
//
// Every argument that names a matrix is a byte offset into the (imported) linear memory. Matrices
// are dense row-major float32. Nothing here allocates; the caller hands in scratch space.
//
// This is the module's entry: the kernels live in one file per concern (gemm.as: the products;
// rows.as: transpose, bias, column sums; elementwise.as: ReLU, axpy, Σx²; optimizers.as: the
// updates; softmax.as: softmax with cross-entropy; common.as: shared inline helpers) and are
// exported from here.

export { gemm } from './gemm'
export { addBias, colSums, transpose } from './rows'
export { axpy, relu, reluBackward, sumSquares } from './elementwise'
export { adagrad, adam, momentum, nesterov, rmsprop } from './optimizers'
export { softmaxBackward, softmaxLoss } from './softmax'

/** End of the module's static data (Math.exp/log's tables): the loader keeps its buffers above it. */
export function staticEnd(): usize {
  return __heap_base
}
