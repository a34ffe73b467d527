/**
 * What a run will do, known when it is planned: the samples it trains on (after the validation
 * hold-out, as engine/data.ts splits them), the book's iterations per epoch and the planned
 * iterations. The service computes them at plan time from the run spec and the data set's size
 * and stores them on the run record; the renderer reads them and never recomputes them.
 */
import { z } from 'zod'
import { itersPerEpoch, maxIterations } from '../engine/sampling'
import type { RunSpec } from './schemas'

export const RunFactsSchema = z.object({
  /** Training samples after the hold-out; null when the data set's size was unknown at plan time. */
  trainRows: z.number().int().nonnegative().nullable(),
  /** The book's iter_per_epoch = max(trainRows / batchSize, 1), not rounded; null when trainRows is. */
  itersPerEpoch: z.number().positive().nullable(),
  /** The iteration budget, or epochs × itersPerEpoch; 0 when that is unknown. */
  plannedIterations: z.number().int().nonnegative(),
  /**
   * Share of the most frequent class among the training rows (what always answering it scores),
   * the chance level next to 1/classes (src/shared/chance.ts); absent for runs stored before it.
   */
  majorityRate: z.number().min(0).max(1).nullable().optional(),
})
export type RunFacts = z.infer<typeof RunFactsSchema>

/**
 * The split the install script writes into resources/mnist-10k.bin (scripts/build-mnist.mjs).
 * The service reads the real counts from the file's header; this is only for runs stored before
 * run facts existed (migration 003) and bundles that do not carry them.
 */
export const BUILTIN_MNIST_TRAIN_ROWS = 8000

/** `datasetTrainRows`: the training split's size of the run's data source, null if unknown; `majorityRate` of its training rows. */
export function runFacts(spec: RunSpec, datasetTrainRows: number | null, majorityRate?: number | null): RunFacts {
  const n = spec.data.trainSize ?? datasetTrainRows
  const trainRows = n === null ? null : n - Math.trunc(n * (spec.data.validationSplit ?? 0))
  const perEpoch = trainRows === null ? null : itersPerEpoch(trainRows, spec.batchSize)
  const plannedIterations = spec.budget.unit === 'iterations' ? spec.budget.count : perEpoch === null ? 0 : maxIterations(spec.budget, perEpoch)
  return { trainRows, itersPerEpoch: perEpoch, plannedIterations, majorityRate }
}

/** Facts for a run stored without them: the built-in MNIST's known split, else only what the spec says. */
export function legacyRunFacts(spec: RunSpec): RunFacts {
  // A schema-1 file may hold a run whose spec lacks today's fields (even `{}`): its facts are unknown.
  if (!spec?.data?.source || !spec.budget) return { trainRows: null, itersPerEpoch: null, plannedIterations: 0 }
  return runFacts(spec, spec.data.source.kind === 'builtin-mnist' ? BUILTIN_MNIST_TRAIN_ROWS : null)
}
