/**
 * The one owner of runs' state in the renderer: what the event stream says about each run while it
 * happens (status, progress, ETA, final metrics, points so far), merged with its stored record into
 * the RunView every page reads (`view`). The experiments store hands over each loaded record
 * (`settle`): a run the database has as ended is drawn from the database alone, and its live state
 * is dropped. Point arrays are kept raw (not reactive) and each run carries a `tick` that changes
 * when points arrive, so a chart redraws at most once per frame, not per point.
 */
import { defineStore } from 'pinia'
import { markRaw, reactive } from 'vue'
import type { RunStyle } from '@figures/palette'
import type { LabEvent, RunStatus, RunWithSeries, SeriesName } from '../lib/contract'
import { appendPoints, isTerminal, toRunView, type LiveRun, type Points, type RunView } from '../lib/runView'

export const useRunsStore = defineStore('runs', () => {
  const live = reactive<Record<number, LiveRun>>({})

  function entry(runId: number, experimentId: number): LiveRun {
    if (!live[runId]) live[runId] = { runId, experimentId, status: null, error: null, done: 0, total: 0, etaMs: null, final: null, series: markRaw({} as Partial<Record<SeriesName, Points>>), tick: 0 }
    return live[runId]!
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
        Object.assign(r, { done: e.done, total: e.total, etaMs: e.etaMs })
        if (r.status === null || r.status === 'queued') r.status = 'running'
        break
      case 'run.metrics':
        for (const c of e.chunks) appendPoints((r.series[c.series] ??= { steps: [], values: [] }), c.steps, c.values)
        r.tick++
        break
      case 'run.finished':
        Object.assign(r, { status: 'finished', final: e.final, done: Math.max(r.done, e.final.iterations), etaMs: null })
        break
      case 'run.failed':
        Object.assign(r, { status: 'failed', error: e.error, etaMs: null })
        break
      case 'run.cancelled':
        Object.assign(r, { status: 'cancelled', etaMs: null })
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

  /** Records just loaded from the database: those that ended are complete there, so their live state goes. */
  function settle(records: readonly RunWithSeries[]): void {
    for (const r of records) if (isTerminal(r.status)) delete live[r.id]
  }

  /** Whether the stream says a run has ended that its record still shows going (the record is stale). */
  function endedSince(record: RunWithSeries): boolean {
    const s = live[record.id]?.status
    return !isTerminal(record.status) && s != null && isTerminal(s)
  }

  /** The run as pages show it. Reading `tick` makes a computed view recompute when points arrive. */
  function view(record: RunWithSeries, style: RunStyle, label?: string): RunView {
    const l = live[record.id]
    void l?.tick
    return toRunView(record, l, style, label)
  }

  return { live, apply, seedProgress, settle, endedSince, view }
})
