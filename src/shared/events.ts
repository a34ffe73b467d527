/** Events pushed from the service to every window (IPC) or browser tab (SSE). */
import { z } from 'zod'
import { DigitsSchema, InsideFrameSchema } from './inside'
import { FinalMetricsSchema, RunStatusSchema, SeriesChunkSchema } from './schemas'

const ids = { runId: z.number().int(), experimentId: z.number().int() }

export const LabEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run.status'), ...ids, status: RunStatusSchema, error: z.string().nullable() }),
  z.object({
    type: z.literal('run.progress'),
    ...ids,
    done: z.number().int().nonnegative(),
    total: z.number().int().positive(),
    etaMs: z.number().nonnegative().nullable(),
  }),
  z.object({ type: z.literal('run.metrics'), ...ids, chunks: z.array(SeriesChunkSchema) }),
  z.object({ type: z.literal('run.inside'), ...ids, frame: InsideFrameSchema, digits: DigitsSchema.nullable() }),
  z.object({ type: z.literal('run.finished'), ...ids, final: FinalMetricsSchema }),
  z.object({ type: z.literal('run.failed'), ...ids, error: z.string() }),
  z.object({ type: z.literal('run.cancelled'), ...ids }),
  z.object({ type: z.literal('experiment.changed'), experimentId: z.number().int() }),
])
export type LabEvent = z.infer<typeof LabEventSchema>
export type LabEventType = LabEvent['type']
