/**
 * Sizes the API accepts, in one place: the request schemas (./api.ts) and bundle import
 * (src/main/store/bundle.ts) apply the same ones, so an imported file cannot hold what a request
 * could not create.
 */
export const API_LIMITS = {
  nameLength: 200,
  tagLength: 60,
  tags: 20,
  /** Runs in one experiment (a 2,000-trial search is the largest plan). */
  runsPerExperiment: 2000,
  /** Experiments in one bundle (as many as one export may hold). */
  experimentsPerBundle: 1000,
  labelLength: 200,
  /** Points of all series of one bundle together (a 2,000-iteration race of six is 12,000 per series). */
  pointsPerBundle: 20_000_000,
  /** Size of a bundle file or an `importBundle` request body. */
  bundleBytes: 128 * 1024 * 1024,
} as const
