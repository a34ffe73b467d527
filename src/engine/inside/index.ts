export { InsideRecorder, PROBE_SEED, probeIndices, tileSteps } from './recorder'
export { ACTIVATION_BINS, PRE_ACTIVATION_BINS, WEIGHT_BINS, binEdges, weightBins, type BinSpec } from './bins'
export { argmaxRow, clampedHistogram, deadFraction, diffNorm, moments, norm, saturatedFraction, softmaxRows, weightSummary, type WeightSummary } from './stats'
