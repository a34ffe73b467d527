/** Stored records (experiments, runs, series) as schemas: used by the API and by bundle import. */
import { z } from 'zod'
import { LabIdSchema } from '../labs/registry'
import { RunFactsSchema } from './run-facts'
import { FinalMetricsSchema, RunSpecSchema, RunStatusSchema, SeriesNameSchema } from './schemas'
import { RunInsideSchema } from './inside'

export const RunRecordSchema = z.object({
  id: z.number().int().positive(),
  experimentId: z.number().int().positive(),
  /** Position within the experiment (paired runs keep their order). */
  ordinal: z.number().int().nonnegative(),
  label: z.string(),
  /** Lab-specific facts about this run (e.g. { optimizer: 'adam' } or { scale: 0.1, batchNorm: true }). */
  meta: z.record(z.string(), z.unknown()),
  spec: RunSpecSchema,
  /** Training rows, iterations per epoch and planned iterations, computed when the run was planned. */
  facts: RunFactsSchema,
  status: RunStatusSchema,
  error: z.string().nullable(),
  final: FinalMetricsSchema.nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
})
export type RunRecord = z.infer<typeof RunRecordSchema>

export const ExperimentStatusSchema = z.enum(['queued', 'running', 'finished', 'failed', 'cancelled', 'interrupted', 'partial'])
export type ExperimentStatus = z.infer<typeof ExperimentStatusSchema>

export const ExperimentRecordSchema = z.object({
  id: z.number().int().positive(),
  labId: LabIdSchema,
  name: z.string(),
  /** The lab's parameters as the user set them (validated by the lab's own schema). */
  params: z.record(z.string(), z.unknown()),
  seed: z.number().int().nonnegative(),
  tags: z.array(z.string()),
  parentId: z.number().int().positive().nullable(),
  /** Results computed in-process (2-D paths, histograms) for the instant labs; null otherwise. */
  result: z.unknown().nullable(),
  createdAt: z.string(),
})
export type ExperimentRecord = z.infer<typeof ExperimentRecordSchema>

export const ExperimentSummarySchema = ExperimentRecordSchema.omit({ result: true }).extend({
  status: ExperimentStatusSchema,
  runCount: z.number().int().nonnegative(),
  runsDone: z.number().int().nonnegative(),
  /**
   * The best final accuracy (train, test or validation) of each run that has final metrics, so
   * History can say when runs stayed at chance level; only the experiment list fills it.
   */
  runBestAcc: z.array(z.number()).optional(),
})
export type ExperimentSummary = z.infer<typeof ExperimentSummarySchema>

export const SeriesSchema = z.object({
  series: SeriesNameSchema,
  steps: z.array(z.number()),
  values: z.array(z.number()),
})
export type Series = z.infer<typeof SeriesSchema>

export const RunWithSeriesSchema = RunRecordSchema.extend({ series: z.array(SeriesSchema) })
export type RunWithSeries = z.infer<typeof RunWithSeriesSchema>

export const ExperimentDetailSchema = z.object({
  experiment: ExperimentSummarySchema.extend({ result: z.unknown().nullable() }),
  runs: z.array(RunWithSeriesSchema),
})
export type ExperimentDetail = z.infer<typeof ExperimentDetailSchema>

/** A run in a bundle: with its inside record (layer snapshots, digits, tiles) when it has one. */
export const BundleRunSchema = RunWithSeriesSchema.extend({ facts: RunFactsSchema.optional(), inside: RunInsideSchema.optional() })
export type BundleRun = z.infer<typeof BundleRunSchema>

/** A hand-in bundle: whole experiments with their runs and series, in one JSON file. */
export const BundleSchema = z.object({
  format: z.literal('gradient-lab-bundle'),
  version: z.literal(1),
  exportedAt: z.string(),
  // Bundles written before runs carried their facts have none: import computes them from the spec.
  experiments: z.array(ExperimentDetailSchema.extend({ runs: z.array(BundleRunSchema) })),
})
export type Bundle = z.infer<typeof BundleSchema>
