/**
 * The API handlers: one method per channel of `src/shared/api.ts`. Electron IPC, the browser-mode
 * HTTP server and the CLI all go through `handle()`, which validates every payload first, so a
 * bad request gets a clear error and changes nothing.
 */
import { type ApiHandlers, type Channel, RequestError, channels, formatZodError, isChannel } from '../../shared/api'
import type { LabEvent } from '../../shared/events'
import { LABS, getLab } from '../../shared/labs'
import { PRESETS } from '../../shared/labs'
import { RunSpecSchema, type LabId } from '../../shared/schemas'
import { findDatasets } from '../data/detect'
import type { RunManager } from '../runs/RunManager'
import { BundleError } from '../store/errors'
import type { Store } from '../store/store'

export type EventListener = (e: LabEvent) => void

export interface LabServiceOptions {
  store: Store
  runs: RunManager
  mode: 'electron' | 'browser' | 'cli' | 'test'
  version: string
  builtinDataPath: string
  maxParallelRuns: number
}

export class LabService {
  private readonly listeners = new Set<EventListener>()

  constructor(private readonly opts: LabServiceOptions) {}

  /** Subscribes to run events; returns the unsubscribe function. */
  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit(e: LabEvent): void {
    for (const l of this.listeners) l(e)
  }

  /** Validates `payload` against the channel's schema and calls its handler. */
  async handle(channel: string, payload: unknown): Promise<unknown> {
    if (!isChannel(channel)) throw new RequestError(`unknown channel '${channel}'`, 404)
    const parsed = channels[channel].safeParse(payload ?? {})
    if (!parsed.success) throw new RequestError(`${channel}: ${formatZodError(parsed.error)}`)
    const handler = this.handlers[channel] as (req: unknown) => Promise<unknown>
    return handler(parsed.data)
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

  private start(labId: LabId, rawParams: Record<string, unknown>, extra: { name?: string; tags?: string[]; parentId?: number }) {
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
      const result = lab.compute(params)
      const exp = store.createExperiment({ labId, name, params, seed, tags: extra.tags, parentId: extra.parentId ?? null, result })
      this.emit({ type: 'experiment.changed', experimentId: exp.id })
      return { experimentId: exp.id, runIds: [] }
    }
    const plans = lab.plan(params).map((p, i) => {
      const spec = RunSpecSchema.safeParse(p.spec)
      if (!spec.success) throw new RequestError(formatZodError(spec.error, `run ${i} (${p.label})`))
      return { ...p, spec: spec.data }
    })
    const exp = store.createExperiment({ labId, name, params, seed, tags: extra.tags, parentId: extra.parentId ?? null })
    const runs = store.addRuns(exp.id, plans)
    this.emit({ type: 'experiment.changed', experimentId: exp.id })
    this.opts.runs.enqueue(runs)
    return { experimentId: exp.id, runIds: runs.map((r) => r.id) }
  }

  readonly handlers: ApiHandlers = {
    listLabs: async () => ({
      labs: Object.values(LABS).map((lab) => ({ id: lab.id, kind: lab.kind, defaults: lab.schema.parse({}) })),
      presets: PRESETS,
    }),
    startLab: async (req) => this.start(req.labId, req.params, { name: req.name, tags: req.tags, parentId: req.parentId }),
    cancelExperiment: async (req) => ({ cancelled: this.opts.runs.cancelExperiment(req.experimentId) }),
    cancelRun: async (req) => ({ cancelled: this.opts.runs.cancelRun(req.runId) }),
    listExperiments: async (req) => this.opts.store.listExperiments(req),
    getExperiment: async (req) => this.experimentOrThrow(req.experimentId),
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
    rerunExperiment: async (req) => {
      const { experiment } = this.experimentOrThrow(req.experimentId)
      return this.start(experiment.labId, experiment.params, {
        name: req.name ?? `${experiment.name} (re-run)`,
        tags: experiment.tags,
        parentId: experiment.parentId ?? undefined,
      })
    },
    resumeExperiment: async (req) => {
      this.experimentOrThrow(req.experimentId)
      const runs = this.opts.store.requeueUnfinished(req.experimentId)
      this.opts.runs.enqueue(runs)
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
        if (req.duplicates !== 'keep') duplicates = this.opts.store.bundleDuplicates(req.bundle)
        if (req.duplicates === 'ask' && duplicates.length > 0) return { experimentIds: [], duplicates }
        experimentIds = this.opts.store.importBundle(req.bundle, { skipExisting: req.duplicates === 'skip' })
      } catch (err) {
        if (err instanceof BundleError) throw new RequestError(err.message)
        throw err
      }
      for (const experimentId of experimentIds) this.emit({ type: 'experiment.changed', experimentId })
      return { experimentIds, duplicates }
    },
    saveSpec: async (req) => {
      const lab = getLab('builder')
      const parsed = lab?.schema.safeParse(req.spec)
      if (req.kind === 'builder' && parsed && !parsed.success) throw new RequestError(formatZodError(parsed.error, 'spec'))
      return this.opts.store.saveSpec(req.name, req.kind, parsed?.success ? parsed.data : req.spec)
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
