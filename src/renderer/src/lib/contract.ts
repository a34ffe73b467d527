/**
 * The renderer's one door to the shared contract (src/shared) and the pure engine: every other
 * renderer file imports from here, so the relative paths to the rest of the repo live in one place.
 */
export { CHANNEL_NAMES, responses, type Api, type Channel, type ChannelRequest, type ChannelResponse, type LabBridge, type ActiveRun } from '../../../shared/api'
export { LabEventSchema, type LabEvent } from '../../../shared/events'
export type { ExperimentDetail, ExperimentStatus, ExperimentSummary, RunRecord, RunWithSeries, Series } from '../../../shared/records'
export { LAB_IDS, LABS, ParamError, findKey, getLab, labNumber, type CliKey, type LabId, type LessonTerm } from '../../../labs/registry'
export { applyLinkKeys, parseNumber, showKeys, type KeyIssue } from '../../../labs/keys'
export { bundleIssues } from '../../../shared/bundle-issues'
export {
  OPTIMIZER_NAMES,
  type Activation,
  type FinalMetrics,
  type InitSpec,
  type OptimizerName,
  type OptimizerSpec,
  type RunStatus,
  type SeriesChunk,
  type SeriesName,
} from '../../../shared/schemas'
export { OptimizersMnistParamsSchema, type OptimizersMnistParams } from '../../../labs/optimizers-mnist/lab'
export { defaultOptimizer } from '../../../labs/common'
export { InitMnistParamsSchema, type InitMnistParams } from '../../../labs/init-mnist/lab'
export { BN_SCALES, BatchnormParamsSchema, type BatchnormParams } from '../../../labs/batchnorm/lab'
export { OVERFIT_DROPOUT_DEFAULTS, OverfitParamsSchema, type OverfitParams } from '../../../labs/overfit/lab'
export type { RunSpec } from '../../../shared/schemas'
export { smoothCurve } from '../../../engine/smoothing'
export { FUNCTIONS_2D, FUNCTION_2D_IDS, type Function2D, type Function2DId, type Point2 } from '../../../engine/functions2d'
export { PATH_DEFAULT_OPTIMIZERS, Paths2dParamsSchema, computePaths, type Paths2dParams, type Paths2dResult } from '../../../labs/paths-2d/lab'
export { InitHistogramsParamsSchema, computeHistograms, type InitHistogramsParams, type InitHistogramsResult } from '../../../labs/init-histograms/lab'
export { initLabel } from '../../../labs/common'
export { RandomSearchParamsSchema, type RandomSearchParams } from '../../../labs/random-search/lab'
export { SEARCHABLE, SEARCH_PARAMS, type SearchParam, type SearchRange } from '../../../labs/random-search/search-space'
// Lab 8 (builder), History (bundles, saved specs) and the renderer's step timing for estimates.
export { BuilderParamsSchema, describeNetwork, type BuilderParams } from '../../../labs/builder/lab'
export type { Bundle } from '../../../shared/records'
export type { SavedSpec } from '../../../shared/api'
export type { Budget, DataSource, HiddenBlock } from '../../../shared/schemas'
export { Network } from '../../../engine/network'
export { createOptimizer } from '../../../engine/optimizers'
export { Matrix } from '../../../engine/matrix'
export { Rng } from '../../../engine/random'
// The Inside panel (issue 12): layer snapshots, digits, tiles.
export { PROBE_SIZE, base64ToBytes, type Digits, type InsideFrame, type LayerSnapshot, type RunInside, type WeightTiles } from '../../../shared/inside'
export { getKernels, setKernels, tsKernels } from '../../../engine/kernels'
export { createWasmKernels } from '../../../engine/kernels/wasm'
// Results that show nothing (chance level) and the numbers of a run that did not finish.
export { CHANCE_MARGIN, chanceRate, chanceThreshold, countAtChance, isAtChance, runBaseline, runChance, type ChanceBaseline, type ChanceVerdict } from '../../../shared/chance'
export { lastPoint, runNumbers, type RunNumber, type RunNumbers } from '../../../shared/run-numbers'
