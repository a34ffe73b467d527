/** The training engine: pure TypeScript (no Node, Electron or DOM), usable in every process. */
export { Rng } from './random'
export { Matrix, BufferPool, gatherRows, gatherLabels } from './matrix'
export { getKernels, setKernels, tsKernels, type Kernels } from './kernels'
