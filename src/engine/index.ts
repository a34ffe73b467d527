/** The training engine: pure TypeScript (no Node, Electron or DOM), usable in every process. */
export { Rng } from './random'
export { Matrix, BufferPool, gatherRows, gatherLabels } from './matrix'
export { getKernels, setKernels, tsKernels, withScopedMemory, type Kernels } from './kernels'
export {
  Affine,
  BatchNorm,
  Dropout,
  Relu,
  Sigmoid,
  SoftmaxWithLoss,
  Tanh,
  createActivation,
  type DropoutMode,
  type ForwardContext,
  type Layer,
  type Param,
} from './layers'
export { initAffine, initStd, initWeights } from './init'
export { Network, type HiddenBlockLayers } from './network'
export {
  AdaGrad,
  Adam,
  Momentum,
  Nesterov,
  RMSProp,
  SGD,
  createOptimizer,
  type Optimizer,
  type OptimizerState,
  type Vec,
} from './optimizers'
export { besselI0, kaiser, smoothCurve, type SmoothOptions } from './smoothing'
export { createSampler, isEpochBoundary, itersPerEpoch, maxIterations, type BatchSampler, type SamplingKind } from './sampling'
export { dataRng, majorityRate, prepareData, splitIndices, type Prepared, type RawDataset, type RawSplit } from './data'
export { Trainer, type Accuracies } from './trainer'
export { CancelledError, DivergenceError, train, type TrainHooks, type TrainOptions } from './train'
export { FUNCTIONS_2D, FUNCTION_2D_IDS, getFunction2D, type Function2D, type Function2DId, type Point2 } from './functions2d'
export { runPath, type Path2D, type PathStep } from './paths2d'
export {
  activationHistograms,
  activationStats,
  histogram,
  type ActivationStats,
  type Histogram,
  type HistogramLabSpec,
  type LayerHistogram,
} from './histograms'
