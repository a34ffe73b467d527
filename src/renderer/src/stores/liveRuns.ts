/**
 * What the event stream says about runs while they happen: status, progress, ETA, final metrics and
 * the metric points received so far. Point arrays are kept raw (not reactive) and each run carries a
 * `tick` that changes when points arrive, so a chart redraws at most once per frame, not per point.
 */
import { defineStore } from 'pinia'
import { markRaw, reactive } from 'vue'
import type { FinalMetrics, LabEvent, RunStatus, SeriesChunk, SeriesName } from '../lib/contract'

export interface Points {
  steps: number[]
  values: number[]
}

export interface LiveRun {
  runId: number
  experimentId: number
  status: RunStatus | null
  error: string | null
  done: number
  total: number
  etaMs: number | null
  final: FinalMetrics | null
  /** Raw (non-reactive) points per series, as received. */
  series: Partial<Record<SeriesName, Points>>
  tick: number
}

export const useLiveRunsStore = defineStore('liveRuns', () => {
  const runs = reactive<Record<number, LiveRun>>({})

  function entry(runId: number, experimentId: number): LiveRun {
    let r = runs[runId]
    if (!r) {
      runs[runId] = { runId, experimentId, status: null, error: null, done: 0, total: 0, etaMs: null, final: null, series: markRaw({} as Partial<Record<SeriesName, Points>>), tick: 0 }
      r = runs[runId]!
    }
    return r
  }

  function appendChunks(r: LiveRun, chunks: SeriesChunk[]): void {
    for (const c of chunks) {
      const target = (r.series[c.series] ??= { steps: [], values: [] })
      for (let i = 0; i < c.steps.length; i++) {
        // Keep steps strictly increasing, whatever order or repetition the chunks come in.
        const last = target.steps.length > 0 ? target.steps[target.steps.length - 1]! : -1
        if (c.steps[i]! > last) {
          target.steps.push(c.steps[i]!)
          target.values.push(c.values[i]!)
        }
      }
    }
    r.tick++
  }

  function apply(e: LabEvent): void {
    if (e.type === 'experiment.changed') return
    const r = entry(e.runId, e.experimentId)
    switch (e.type) {
      case 'run.status':
        r.status = e.status
        r.error = e.error
        if (e.status !== 'running') r.etaMs = null
        break
      case 'run.progress':
        r.done = e.done
        r.total = e.total
        r.etaMs = e.etaMs
        if (r.status === null || r.status === 'queued') r.status = 'running'
        break
      case 'run.metrics':
        appendChunks(r, e.chunks)
        break
      case 'run.finished':
        r.status = 'finished'
        r.final = e.final
        r.done = Math.max(r.done, e.final.iterations)
        r.etaMs = null
        break
      case 'run.failed':
        r.status = 'failed'
        r.error = e.error
        r.etaMs = null
        break
      case 'run.cancelled':
        r.status = 'cancelled'
        r.etaMs = null
        break
    }
  }

  /** Seeds progress for runs that were already going before this page started listening. */
  function seedProgress(active: { runId: number; experimentId: number; status: RunStatus; done: number; total: number; etaMs: number | null }[]): void {
    for (const a of active) {
      const r = entry(a.runId, a.experimentId)
      if (a.done >= r.done) Object.assign(r, { done: a.done, total: a.total, etaMs: a.etaMs })
      r.status ??= a.status
    }
  }

  /** Drops what the database now holds completely (terminal runs of a reloaded experiment). */
  function forget(runIds: number[]): void {
    for (const id of runIds) delete runs[id]
  }

  return { runs, apply, seedProgress, forget }
})
