/**
 * The API as one channel map: `channels` holds each channel's request schema, `responses` its
 * response schema. IPC, HTTP and the CLI all call `LabService.handle(channel, payload)`, which
 * validates the payload; `Api` (what the renderer calls) is derived from both maps.
 */
import { z } from 'zod'
import { BundleSchema, ExperimentDetailSchema, ExperimentSummarySchema, RunWithSeriesSchema } from './records'
import type { LabEvent } from './events'
import type { ChannelName } from './ipc'
import { API_LIMITS as L } from './limits'
import { LabIdSchema } from '../labs/registry'
import { RunStatusSchema } from './schemas'
import { RunInsideSchema } from './inside'

const id = z.number({ error: 'id must be a number' }).int().positive()

export const channels = {
  /** Labs and presets with their default parameters. */
  listLabs: z.object({}).default({}),
  /** Starts a lab: instant labs are computed and stored; run labs are planned and queued. */
  startLab: z.object({
    labId: LabIdSchema,
    params: z.record(z.string(), z.unknown()).default({}),
    name: z.string().max(L.nameLength).optional(),
    tags: z.array(z.string().max(L.tagLength)).max(L.tags).optional(),
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
  /** One run's inside record: layer snapshots, predictions and weight tiles per evaluation point, its sample digits. */
  getRunInside: z.object({ runId: id }),
  /** Runs from any experiments, with their series (for comparisons). */
  getRuns: z.object({ runIds: z.array(id).min(1).max(200) }),
  renameExperiment: z.object({ experimentId: id, name: z.string().trim().min(1, 'name must not be empty').max(L.nameLength) }),
  setExperimentTags: z.object({ experimentId: id, tags: z.array(z.string().trim().min(1).max(L.tagLength)).max(L.tags) }),
  deleteExperiment: z.object({ experimentId: id }),
  /** Re-runs an experiment with the same lab, parameters and seed, as a new experiment. */
  /** `name`: the new experiment's name in the user's language; omitted = the old name + ' (re-run)'. */
  rerunExperiment: z.object({ experimentId: id, name: z.string().trim().min(1, 'name must not be empty').max(200).optional() }),
  /** Puts an experiment's cancelled, interrupted and failed runs back in the queue (finished ones are kept). */
  resumeExperiment: z.object({ experimentId: id }),
  /** Whole experiments with runs and series, as one hand-in bundle. */
  exportBundle: z.object({ experimentIds: z.array(id).min(1).max(L.experimentsPerBundle) }),
  /** Imports a bundle (validated first; a bad one changes nothing). */
  /**
   * `duplicates`: what to do with experiments already stored (the same bundle imported before):
   * 'keep' imports them again as copies (the default), 'skip' leaves them out, 'ask' imports
   * nothing when there are any and lists them, so the user can choose.
   */
  importBundle: z.object({ bundle: z.unknown(), duplicates: z.enum(['ask', 'skip', 'keep']).default('keep') }),
  /** Saves the builder's parameters under a name (replacing one of that name). */
  saveSpec: z.object({ name: z.string().trim().min(1, 'name must not be empty').max(100), kind: z.string().min(1).max(40).default('builder'), spec: z.record(z.string(), z.unknown()) }),
  listSpecs: z.object({ kind: z.string().max(40).optional() }).default({}),
  deleteSpec: z.object({ name: z.string().min(1).max(100) }),
  /** Runs of the RunManager now: queued and running, with progress. */
  activeRuns: z.object({}).default({}),
  /** Where data and the database live, the app version, the datasets found. */
  appInfo: z.object({}).default({}),
} as const

const ok = z.object({ ok: z.literal(true) })
const started = z.object({ experimentId: id, runIds: z.array(id) })

export const DatasetInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['builtin-mnist', 'idx']),
  dir: z.string().optional(),
  available: z.boolean(),
  reason: z.string().optional(),
  /** Why it is not available, as a code the app words in the user's language (reason: the English detail). */
  problem: z.enum(['notFound', 'incomplete', 'unreadable']).optional(),
  /** The command that installs it (Debian/Ubuntu), for a known folder. */
  install: z.string().optional(),
})

/** What a queued run waits behind: that many runs (running, or taken before it) of one experiment. */
export const WaitingBehindSchema = z.object({ experimentId: id, name: z.string(), runs: z.number().int().positive() })
export type WaitingBehind = z.infer<typeof WaitingBehindSchema>

export const ActiveRunSchema = z.object({
  runId: id,
  experimentId: id,
  label: z.string(),
  status: RunStatusSchema,
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  etaMs: z.number().nullable(),
  /** Queued runs only: why it waits ("queued behind 2 runs of 'Random search'"). */
  waitingBehind: z.array(WaitingBehindSchema).optional(),
})
export type ActiveRun = z.infer<typeof ActiveRunSchema>

export const SavedSpecSchema = z.object({
  id: id,
  name: z.string(),
  kind: z.string(),
  spec: z.unknown(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type SavedSpec = z.infer<typeof SavedSpecSchema>

export const responses = {
  listLabs: z.object({
    labs: z.array(z.object({ id: LabIdSchema, kind: z.enum(['runs', 'instant']), defaults: z.record(z.string(), z.unknown()) })),
    presets: z.array(z.object({ name: z.string(), labId: LabIdSchema, description: z.string(), params: z.record(z.string(), z.unknown()) })),
  }),
  startLab: started,
  cancelExperiment: z.object({ cancelled: z.number().int().nonnegative() }),
  cancelRun: z.object({ cancelled: z.boolean() }),
  listExperiments: z.array(ExperimentSummarySchema),
  getExperiment: ExperimentDetailSchema,
  getRunInside: RunInsideSchema,
  getRuns: z.array(RunWithSeriesSchema),
  renameExperiment: ok,
  setExperimentTags: ok,
  deleteExperiment: ok,
  rerunExperiment: started,
  resumeExperiment: z.object({ requeued: z.number().int().nonnegative() }),
  exportBundle: BundleSchema,
  importBundle: z.object({
    experimentIds: z.array(id),
    /** The bundle's experiments already stored: listed for 'ask' (nothing imported) and 'skip' (left out). */
    duplicates: z.array(z.object({ index: z.number().int().nonnegative(), name: z.string(), existingId: id })),
  }),
  saveSpec: SavedSpecSchema,
  listSpecs: z.array(SavedSpecSchema),
  deleteSpec: z.object({ deleted: z.boolean() }),
  activeRuns: z.array(ActiveRunSchema),
  appInfo: z.object({
    version: z.string(),
    mode: z.enum(['electron', 'browser', 'cli', 'test']),
    dbPath: z.string(),
    builtinDataPath: z.string(),
    maxParallelRuns: z.number().int().positive(),
    datasets: z.array(DatasetInfoSchema),
  }),
} satisfies Record<keyof typeof channels, z.ZodType>

export type Channel = keyof typeof channels
export type ChannelResponse<C extends Channel> = z.infer<(typeof responses)[C]>
/** What the renderer (and any client) calls: one async function per channel. */
export type Api = { [C in Channel]: (req: ChannelRequest<C>) => Promise<ChannelResponse<C>> }
/** What LabService implements: handlers receive the validated request. */
export type ApiHandlers = { [C in Channel]: (req: ChannelRequestParsed<C>) => Promise<ChannelResponse<C>> }
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

export { CHANNEL_NAMES, type IpcReply } from './ipc'
// The preload's zod-free name list must be exactly this map's keys (both directions).
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const _channelNamesMatch: SameKeys<ChannelName, Channel> = true
void _channelNamesMatch

/** What the preload exposes as `window.gradientLab` and the browser-mode client implements. */
export type LabBridge = Api & {
  /** Subscribes to run events; returns the unsubscribe function. */
  onEvent(cb: (e: LabEvent) => void): () => void
}
