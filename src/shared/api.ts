/**
 * The API as one channel map: each channel's request schema lives here; the response type is
 * whatever LabService's handler returns (see `ApiHandlers`). IPC, HTTP and the CLI all call
 * `LabService.handle(channel, payload)`, which validates the payload against these schemas.
 */
import { z } from 'zod'
import { LabIdSchema } from './schemas'

const id = z.number({ error: 'id must be a number' }).int().positive()

export const channels = {
  /** Labs and presets with their default parameters. */
  listLabs: z.object({}).default({}),
  /** Starts a lab: instant labs are computed and stored; run labs are planned and queued. */
  startLab: z.object({
    labId: LabIdSchema,
    params: z.record(z.string(), z.unknown()).default({}),
    name: z.string().max(200).optional(),
    tags: z.array(z.string().max(60)).max(20).optional(),
    parentId: id.optional(),
  }),
  cancelExperiment: z.object({ experimentId: id }),
  cancelRun: z.object({ runId: id }),
  listExperiments: z
    .object({
      labId: LabIdSchema.optional(),
      text: z.string().max(200).optional(),
      tag: z.string().max(60).optional(),
      since: z.string().optional(),
      until: z.string().optional(),
      limit: z.number().int().positive().max(1000).default(200),
    })
    .default({ limit: 200 }),
  getExperiment: z.object({ experimentId: id }),
  /** Runs from any experiments, with their series (for comparisons). */
  getRuns: z.object({ runIds: z.array(id).min(1).max(200) }),
  renameExperiment: z.object({ experimentId: id, name: z.string().trim().min(1, 'name must not be empty').max(200) }),
  setExperimentTags: z.object({ experimentId: id, tags: z.array(z.string().trim().min(1).max(60)).max(20) }),
  deleteExperiment: z.object({ experimentId: id }),
  /** Re-runs an experiment with the same lab, parameters and seed, as a new experiment. */
  rerunExperiment: z.object({ experimentId: id }),
  /** Runs of the RunManager now: queued and running, with progress. */
  activeRuns: z.object({}).default({}),
  /** Where data and the database live, the app version, the datasets found. */
  appInfo: z.object({}).default({}),
} as const

export type Channel = keyof typeof channels
export type ChannelRequest<C extends Channel> = z.input<(typeof channels)[C]>
export type ChannelRequestParsed<C extends Channel> = z.output<(typeof channels)[C]>

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(channels, name)
}

/** Thrown for requests that fail validation; carries the path and reason for the caller. */
export class RequestError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message)
    this.name = 'RequestError'
  }
}

/** "where: what" lines from a zod error, e.g. "params.iterations: must be > 0". */
export function formatZodError(err: z.ZodError, root = ''): string {
  return err.issues
    .map((i) => {
      const path = [root, ...i.path.map(String)].filter((s) => s !== '').join('.')
      return path ? `${path}: ${i.message}` : i.message
    })
    .join('; ')
}
