/**
 * The API handlers: one method per channel of `src/shared/api.ts`. Electron IPC, the browser-mode
 * HTTP server and the CLI all go through `handle()`, which validates every payload first, so a
 * bad request gets a clear error and changes nothing.
 */
import { type ApiHandlers, type Channel, RequestError, channels, formatZodError, isChannel } from '../../shared/api'
import type { LabEvent } from '../../shared/events'
import { LABS, PRESETS, getLab, type LabId } from '../../labs/registry'
import { RunSpecSchema, type RunSpec } from '../../shared/schemas'
import { findDatasets } from '../data/detect'
import { planFacts } from '../data/facts'
import type { RunManager } from '../runs/RunManager'
import { BundleError, NotFoundError, describeWriteError, isDiskFull } from '../store/errors'
import type { Store } from '../store/store'
import type { ParamsCheck } from '../store/bundle'
import { type ComputeInstant, workerComputeInstant } from './instant'
import { type ServiceLimits, defaultServiceLimits, estimateRunMemory, formatBytes } from './limits'

export type EventListener = (e: LabEvent) => void

export interface LabServiceOptions {
  store: Store
  runs: RunManager
  mode: 'electron' | 'browser' | 'cli' | 'test'
  version: string
  builtinDataPath: string
  maxParallelRuns: number
  /** Overrides of the run caps and the memory budget (default: ./limits.ts, GRADIENT_LAB_RUN_MEMORY_MB). */
  limits?: Partial<ServiceLimits>
  /** How instant labs are computed (default: in a worker thread, off the event loop). */
  computeInstant?: ComputeInstant
}

/** Who is calling, where the transport knows it. */
export interface CallContext {
  /** A client of a classroom server (--lan): its runs take turns with other clients' runs. */
  client?: string
}

export class LabService {
  private readonly listeners = new Set<EventListener>()
  readonly limits: ServiceLimits
  private readonly computeInstant: ComputeInstant

  constructor(private readonly opts: LabServiceOptions) {
    this.limits = { ...defaultServiceLimits(), ...opts.limits }
    this.computeInstant = opts.computeInstant ?? workerComputeInstant()
  }

  /** Subscribes to run events; returns the unsubscribe function. */
  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit(e: LabEvent): void {
    for (const l of this.listeners) l(e)
  }

  /** Validates `payload` against the channel's schema and calls its handler. */
  async handle(channel: string, payload: unknown, ctx: CallContext = {}): Promise<unknown> {
    if (!isChannel(channel)) throw new RequestError(`unknown channel '${channel}'`, 404)
    const parsed = channels[channel].safeParse(payload ?? {})
    if (!parsed.success) throw new RequestError(`${channel}: ${formatZodError(parsed.error)}`)
    const handler = this.handlers[channel] as (req: unknown, ctx: CallContext) => Promise<unknown>
    try {
      return await handler(parsed.data, ctx)
    } catch (err) {
      throw asRequestError(channel, err)
    }
  }

  /** Typed direct calls (the CLI and tests), validated the same way. */
  call<C extends Channel>(channel: C, payload: Parameters<ApiHandlers[C]>[0] | Record<string, unknown>): ReturnType<ApiHandlers[C]> {
    return this.handle(channel, payload) as ReturnType<ApiHandlers[C]>
  }

  private experimentOrThrow(id: number) {
    const detail = this.opts.store.getExperiment(id)
    if (!detail) throw new RequestError(`experiment ${id} does not exist`, 404)
    return detail
  }

  /** The fair queue's group for a caller's runs: per client on a classroom server, else per experiment. */
  private static group(ctx: CallContext = {}): { group?: string } {
    return ctx.client ? { group: `client:${ctx.client}` } : {}
  }

  /** Refuses, before anything is written, a plan too large for the caps or a run above the memory budget. */
  private checkPlan(plans: { label: string; spec: RunSpec }[]): void {
    const { runsPerStart, queuedRuns, runMemoryBytes } = this.limits
    if (plans.length > runsPerStart) throw new RequestError(`params: this start plans ${plans.length} runs; at most ${runsPerStart} may be started at once`)
    const waiting = this.opts.runs.active().length
    if (waiting + plans.length > queuedRuns) {
      throw new RequestError(`${waiting} runs are already queued or running and this start adds ${plans.length}; at most ${queuedRuns} may wait at once. Wait or cancel some.`, 503)
    }
    plans.forEach((p, i) => {
      const est = estimateRunMemory(p.spec)
      if (est.total > runMemoryBytes) {
        const { parameters, optimizer, activations, data } = est.parts
        throw new RequestError(
          `run ${i} (${p.label}) would need about ${formatBytes(est.total)} of memory (parameters and gradients ${formatBytes(parameters)}, ` +
            `optimizer state ${formatBytes(optimizer)}, activations at batch ${p.spec.batchSize} ${formatBytes(activations)}, data ${formatBytes(data)}), ` +
            `above the budget of ${formatBytes(runMemoryBytes)} per run (GRADIENT_LAB_RUN_MEMORY_MB): make the network or the batch smaller`,
        )
      }
    })
  }

  private async start(labId: LabId, rawParams: Record<string, unknown>, extra: { name?: string; tags?: string[]; parentId?: number }, ctx?: CallContext) {
    const lab = getLab(labId)
    if (!lab) throw new RequestError(`lab '${labId}' is not built yet`, 404)
    const parsed = lab.schema.safeParse(rawParams)
    if (!parsed.success) throw new RequestError(formatZodError(parsed.error, 'params'))
    const params = parsed.data
    const seed = typeof params.seed === 'number' ? params.seed : 0
    if (extra.parentId !== undefined) this.experimentOrThrow(extra.parentId)
    const name = extra.name?.trim() || lab.defaultName(params)
    const { store } = this.opts
    if (lab.kind === 'instant') {
      // off the event loop: lab 3 at 10,000 samples computes for seconds
      const result = await this.computeInstant(labId, params)
      const exp = store.createExperiment({ labId, name, params, seed, tags: extra.tags, parentId: extra.parentId ?? null, result })
      this.emit({ type: 'experiment.changed', experimentId: exp.id })
      return { experimentId: exp.id, runIds: [] }
    }
    const facts = planFacts(this.opts.builtinDataPath)
    const plans = lab.plan(params).map((p, i) => {
      const spec = RunSpecSchema.safeParse(p.spec)
      if (!spec.success) throw new RequestError(formatZodError(spec.error, `run ${i} (${p.label})`))
      // The facts the pages show (epochs, planned iterations, chance level) are fixed here, from the data set itself.
      return { ...p, spec: spec.data, facts: facts(spec.data) }
    })
    this.checkPlan(plans)
    const { experiment: exp, runs } = store.createExperimentWithRuns({ labId, name, params, seed, tags: extra.tags, parentId: extra.parentId ?? null }, plans)
    this.emit({ type: 'experiment.changed', experimentId: exp.id })
    this.opts.runs.enqueue(runs, LabService.group(ctx))
    return { experimentId: exp.id, runIds: runs.map((r) => r.id) }
  }

  readonly handlers: ApiHandlers = {
    listLabs: async () => ({
      labs: LABS.map((lab) => ({ id: lab.id, kind: lab.kind, defaults: lab.schema.parse({}) })),
      presets: PRESETS,
    }),
    startLab: async (req, ctx?: CallContext) => this.start(req.labId, req.params, { name: req.name, tags: req.tags, parentId: req.parentId }, ctx),
    cancelExperiment: async (req) => ({ cancelled: this.opts.runs.cancelExperiment(req.experimentId) }),
    cancelRun: async (req) => ({ cancelled: this.opts.runs.cancelRun(req.runId) }),
    listExperiments: async (req) => this.opts.store.listExperiments(req),
    getExperiment: async (req) => this.experimentOrThrow(req.experimentId),
    getRunInside: async (req) => {
      const inside = this.opts.store.getInside(req.runId)
      if (!inside) throw new RequestError(`run ${req.runId} does not exist`, 404)
      return inside
    },
    getRuns: async (req) => {
      const runs = this.opts.store.getRuns(req.runIds)
      const missing = req.runIds.filter((id) => !runs.some((r) => r.id === id))
      if (missing.length > 0) throw new RequestError(`runs not found: ${missing.join(', ')}`, 404)
      return runs
    },
    renameExperiment: async (req) => {
      this.experimentOrThrow(req.experimentId)
      this.opts.store.renameExperiment(req.experimentId, req.name)
      this.emit({ type: 'experiment.changed', experimentId: req.experimentId })
      return { ok: true as const }
    },
    setExperimentTags: async (req) => {
      this.experimentOrThrow(req.experimentId)
      this.opts.store.setTags(req.experimentId, [...new Set(req.tags)])
      this.emit({ type: 'experiment.changed', experimentId: req.experimentId })
      return { ok: true as const }
    },
    deleteExperiment: async (req) => {
      this.experimentOrThrow(req.experimentId)
      this.opts.runs.cancelExperiment(req.experimentId)
      this.opts.store.deleteExperiment(req.experimentId)
      this.emit({ type: 'experiment.changed', experimentId: req.experimentId })
      return { ok: true as const }
    },
    rerunExperiment: async (req, ctx?: CallContext) => {
      const { experiment } = this.experimentOrThrow(req.experimentId)
      return this.start(experiment.labId, experiment.params, {
        name: req.name ?? `${experiment.name} (re-run)`,
        tags: experiment.tags,
        parentId: experiment.parentId ?? undefined,
      }, ctx)
    },
    resumeExperiment: async (req, ctx?: CallContext) => {
      this.experimentOrThrow(req.experimentId)
      const runs = this.opts.store.requeueUnfinished(req.experimentId)
      this.opts.runs.enqueue(runs, LabService.group(ctx))
      this.emit({ type: 'experiment.changed', experimentId: req.experimentId })
      return { requeued: runs.length }
    },
    exportBundle: async (req) => {
      for (const id of req.experimentIds) this.experimentOrThrow(id)
      return this.opts.store.exportBundle(req.experimentIds)
    },
    importBundle: async (req) => {
      let experimentIds: number[]
      let duplicates: { index: number; name: string; existingId: number }[] = []
      try {
        const checkParams: ParamsCheck = (labId, params, where) => {
          const checked = getLab(labId)?.schema.safeParse(params)
          return checked && !checked.success ? formatZodError(checked.error, where) : null
        }
        if (req.duplicates !== 'keep') duplicates = this.opts.store.bundleDuplicates(req.bundle, checkParams)
        if (req.duplicates === 'ask' && duplicates.length > 0) return { experimentIds: [], duplicates }
        experimentIds = this.opts.store.importBundle(req.bundle, { checkParams, skipExisting: req.duplicates === 'skip' })
      } catch (err) {
        if (err instanceof BundleError) throw new RequestError(err.message)
        throw err
      }
      for (const experimentId of experimentIds) this.emit({ type: 'experiment.changed', experimentId })
      return { experimentIds, duplicates }
    },
    saveSpec: async (req) => {
      // Only the builder saves specs; anything else was once stored as builder defaults in silence.
      if (req.kind !== 'builder') throw new RequestError(`kind: only 'builder' specs can be saved, got '${req.kind.slice(0, 40)}'`)
      const lab = getLab('builder')
      if (!lab) throw new RequestError("lab 'builder' is not built yet", 404)
      const shape = (lab.schema as unknown as { shape?: Record<string, unknown> }).shape
      const unknown = shape ? Object.keys(req.spec).filter((k) => !Object.prototype.hasOwnProperty.call(shape, k)) : []
      if (unknown.length > 0) throw new RequestError(`spec: not builder parameters: ${unknown.slice(0, 10).join(', ')}`)
      const parsed = lab.schema.safeParse(req.spec)
      if (!parsed.success) throw new RequestError(formatZodError(parsed.error, 'spec'))
      return this.opts.store.saveSpec(req.name, req.kind, parsed.data)
    },
    listSpecs: async (req) => this.opts.store.listSpecs(req.kind),
    deleteSpec: async (req) => ({ deleted: this.opts.store.deleteSpec(req.name) }),
    activeRuns: async () => this.opts.runs.active(),
    appInfo: async () => ({
      version: this.opts.version,
      mode: this.opts.mode,
      dbPath: this.opts.store.path,
      builtinDataPath: this.opts.builtinDataPath,
      maxParallelRuns: this.opts.maxParallelRuns,
      datasets: findDatasets(),
    }),
  }
}

/**
 * The status and one sentence for a handler's failure: a full disk is 507 and says so, a missing
 * record 404, a value the store refuses (a bad date) 400; anything else stays an internal error.
 */
function asRequestError(channel: string, err: unknown): unknown {
  if (err instanceof RequestError) return err
  if (isDiskFull(err)) return new RequestError(describeWriteError(`${channel}`, err), 507)
  if (err instanceof NotFoundError) return new RequestError(err.message, 404)
  if (err instanceof RangeError || err instanceof BundleError) return new RequestError(`${channel}: ${err.message}`)
  return err
}
