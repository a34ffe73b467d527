/**
 * The renderer's one door to the shared contract (src/shared) and the pure engine: every other
 * renderer file imports from here, so the relative paths to the rest of the repo live in one place.
 */
export { CHANNEL_NAMES, responses, type Api, type Channel, type ChannelRequest, type ChannelResponse, type LabBridge, type ActiveRun } from '../../../shared/api'
export { LabEventSchema, type LabEvent } from '../../../shared/events'
export type { ExperimentDetail, ExperimentStatus, ExperimentSummary, RunRecord, RunWithSeries, Series } from '../../../shared/records'
export {
  LAB_IDS,
  OPTIMIZER_NAMES,
  type Activation,
  type FinalMetrics,
  type InitSpec,
  type LabId,
  type OptimizerName,
  type OptimizerSpec,
  type RunStatus,
  type SeriesChunk,
  type SeriesName,
} from '../../../shared/schemas'
export { OptimizersMnistParamsSchema, type OptimizersMnistParams } from '../../../shared/labs/optimizers-mnist'
export { defaultOptimizer } from '../../../shared/labs/common'
export { InitMnistParamsSchema, type InitMnistParams } from '../../../shared/labs/init-mnist'
export { BN_SCALES, BatchnormParamsSchema, type BatchnormParams } from '../../../shared/labs/batchnorm'
export { OVERFIT_DROPOUT_DEFAULTS, OverfitParamsSchema, type OverfitParams } from '../../../shared/labs/overfit'
export type { RunSpec } from '../../../shared/schemas'
export { itersPerEpoch, maxIterations } from '../../../engine/sampling'
export { smoothCurve } from '../../../engine/smoothing'
export { FUNCTIONS_2D, FUNCTION_2D_IDS, type Function2D, type Function2DId, type Point2 } from '../../../engine/functions2d'
export { PATH_DEFAULT_OPTIMIZERS, Paths2dParamsSchema, computePaths, type Paths2dParams, type Paths2dResult } from '../../../shared/labs/paths-2d'
export { InitHistogramsParamsSchema, computeHistograms, type InitHistogramsParams, type InitHistogramsResult } from '../../../shared/labs/init-histograms'
export { initLabel } from '../../../shared/labs/common'
export { RandomSearchParamsSchema, type RandomSearchParams } from '../../../shared/labs/random-search'
export { SEARCHABLE, SEARCH_PARAMS, type SearchParam, type SearchRange } from '../../../shared/labs/search-space'
// Lab 8 (builder), History (bundles, saved specs) and the renderer's step timing for estimates.
export { BuilderParamsSchema, describeNetwork, type BuilderParams } from '../../../shared/labs/builder'
export type { Bundle } from '../../../shared/records'
export type { SavedSpec } from '../../../shared/api'
export type { Budget, DataSource, HiddenBlock } from '../../../shared/schemas'
export { Network } from '../../../engine/network'
export { createOptimizer } from '../../../engine/optimizers'
export { Matrix } from '../../../engine/matrix'
export { Rng } from '../../../engine/random'
export { getKernels, setKernels, tsKernels } from '../../../engine/kernels'
export { createWasmKernels } from '../../../engine/kernels/wasm'
// Results that show nothing (chance level) and the numbers of a run that did not finish.
export { CHANCE_MARGIN, chanceRate, chanceThreshold, countAtChance, isAtChance, runChance, type ChanceVerdict } from '../../../shared/chance'
export { lastPoint, runNumbers, type RunNumber, type RunNumbers } from '../../../shared/run-numbers'
