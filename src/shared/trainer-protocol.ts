/**
 * Messages between the RunManager and a trainer process. Parent → child: start, cancel.
 * Child → parent: progress, metrics (batched, never one message per iteration), finished, failed.
 * A trainer serves one run at a time and stays alive after `finished` for the next `start`.
 */
import { z } from 'zod'
import { DigitsSchema, InsideFrameSchema } from './inside'
import { FinalMetricsSchema, RunSpecSchema, SeriesChunkSchema } from './schemas'

export const ToTrainerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), runId: z.number().int(), spec: RunSpecSchema, builtinDataPath: z.string() }),
  z.object({ type: z.literal('cancel') }),
])
export type ToTrainer = z.infer<typeof ToTrainerSchema>

export const FromTrainerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('progress'), done: z.number().int(), total: z.number().int() }),
  z.object({ type: z.literal('metrics'), chunks: z.array(SeriesChunkSchema) }),
  /** One evaluation point's layer snapshot, predictions and tiles; the sample digits with the first. */
  z.object({ type: z.literal('inside'), frame: InsideFrameSchema, digits: DigitsSchema.nullable() }),
  /** rssBytes: the trainer's resident memory after the run (the pool recycles large trainers). */
  z.object({ type: z.literal('finished'), final: FinalMetricsSchema, rssBytes: z.number().nonnegative().optional() }),
  z.object({ type: z.literal('failed'), error: z.string() }),
])
export type FromTrainer = z.infer<typeof FromTrainerSchema>
