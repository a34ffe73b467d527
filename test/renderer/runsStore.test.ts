/**
 * The renderer's one owner of run state (stores/runs.ts over lib/runView.ts): a stored record
 * merged with the event stream. Stored points come first, live ones after the last stored step;
 * Type-checked with the renderer (tsconfig.web.json), whose code it imports.
 * A record that says the run ended is drawn alone and its live state dropped; progress, status,
 * ETA and the chance verdict follow the stream while the record is stale.
 */
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { OPTIMIZER_STYLES } from '../../src/figures/palette'
import { appendPoints, mergePoints, toRunView } from '../../src/renderer/src/lib/runView'
import { useRunsStore } from '../../src/renderer/src/stores/runs'
import type { RunWithSeries } from '../../src/shared/records'

const style = OPTIMIZER_STYLES.adam

/** A finished lab-2 run record of 2000 iterations, as the database has it. */
function finishedRecord(): RunWithSeries {
  const steps = Array.from({ length: 2000 }, (_, i) => i)
  return {
    id: 7, experimentId: 3, ordinal: 1, label: 'adam', meta: { optimizer: 'adam' }, spec: { optimizer: { kind: 'adam' } } as RunWithSeries['spec'],
    facts: { trainRows: 8000, itersPerEpoch: 62.5, plannedIterations: 2000 }, status: 'finished', error: null,
    final: { loss: 0.01, trainAcc: 0.99, testAcc: 0.95, valAcc: null, iterations: 2000, epochs: 32, elapsedMs: 900 },
    createdAt: '2026-01-02T03:04:05.000Z', startedAt: null, finishedAt: null,
    series: [{ series: 'loss', steps, values: steps.map((s) => 2 / (1 + s)) }],
  }
}

/** The same run while it is going: `upTo` loss points stored. */
function runningRecord(upTo: number): RunWithSeries {
  const run = finishedRecord()
  run.status = 'running'
  run.final = null
  run.series = run.series.map((s) => ({ ...s, steps: s.steps.slice(0, upTo), values: s.values.slice(0, upTo) }))
  return run
}

describe('mergePoints / appendPoints', () => {
  it('stored first, then live after the last stored step; nothing live: the stored; nothing new: the stored', () => {
    const stored = { steps: [0, 1, 2], values: [3, 2, 1] }
    expect(mergePoints(stored, { steps: [1, 2, 3, 4], values: [9, 9, 0.5, 0.4] })).toEqual({ steps: [0, 1, 2, 3, 4], values: [3, 2, 1, 0.5, 0.4] })
    expect(mergePoints(stored, undefined)).toBe(stored)
    expect(mergePoints(stored, { steps: [0, 2], values: [7, 7] })).toBe(stored)
    expect(mergePoints(undefined, { steps: [5], values: [1] })).toEqual({ steps: [5], values: [1] })
  })
  it('live chunks keep steps strictly increasing whatever their order or repetition', () => {
    const p = { steps: [] as number[], values: [] as number[] }
    appendPoints(p, [0, 1, 2], [1, 2, 3])
    appendPoints(p, [2, 1, 3], [9, 9, 4])
    expect(p).toEqual({ steps: [0, 1, 2, 3], values: [1, 2, 3, 4] })
  })
})

describe('the runs store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('a running record with the stream: live points continue the stored ones, progress and status from the stream', () => {
    const runs = useRunsStore()
    const record = runningRecord(50)
    const ids = { runId: record.id, experimentId: record.experimentId }
    runs.apply({ type: 'run.metrics', ...ids, chunks: [{ series: 'loss', steps: [40, 50, 51], values: [9, 0.7, 0.6] }] })
    runs.apply({ type: 'run.progress', ...ids, done: 52, total: 2000, etaMs: 3000 })
    const v = runs.view(record, style)
    expect(v.series.loss!.steps.length).toBe(52)
    expect(v.series.loss!.steps.slice(-3)).toEqual([49, 50, 51])
    expect(v.series.loss!.values.slice(-2)).toEqual([0.7, 0.6])
    expect([v.status, v.done, v.total, v.etaMs]).toEqual(['running', 52, 2000, 3000])
    expect([v.color, v.marker]).toEqual([style.color, style.marker])
    expect(v.chance).toBeNull()
  })

  it('the stream says finished before the record does: the view is finished with the final numbers, and endedSince asks for a reload', () => {
    const runs = useRunsStore()
    const record = runningRecord(10)
    const final = { loss: 0.2, trainAcc: 0.11, testAcc: 0.1, valAcc: null, iterations: 2000, epochs: 32, elapsedMs: 900 }
    runs.apply({ type: 'run.finished', runId: record.id, experimentId: record.experimentId, final })
    const v = runs.view(record, style)
    expect([v.status, v.done, v.etaMs]).toEqual(['finished', 2000, null])
    expect(v.final).toEqual(final)
    expect(v.chance?.atChance).toBe(true) // 10–11 %: chance level for 10 classes
    expect(runs.endedSince(record)).toBe(true)
  })

  it('once the record says the run ended, the record alone counts and settle drops the live state', () => {
    const runs = useRunsStore()
    const record = runningRecord(2000)
    runs.apply({ type: 'run.metrics', runId: record.id, experimentId: record.experimentId, chunks: [{ series: 'loss', steps: [5000], values: [42] }] })
    record.status = 'cancelled'
    expect(runs.view(record, style).series.loss!.steps.at(-1)).toBe(1999)
    expect(runs.view(record, style).status).toBe('cancelled')
    runs.settle([record])
    expect(runs.live[record.id]).toBeUndefined()
    expect(runs.endedSince(record)).toBe(false)
  })

  it('seeded progress of a run already going when the page opened; a later, smaller seed does not move it back', () => {
    const runs = useRunsStore()
    const record = runningRecord(0)
    record.status = 'queued'
    const a = { runId: record.id, experimentId: record.experimentId, status: 'running' as const, etaMs: 10 }
    runs.seedProgress([{ ...a, done: 300, total: 2000 }])
    runs.seedProgress([{ ...a, done: 100, total: 2000 }])
    const v = runs.view(record, style)
    expect([v.status, v.done, v.total]).toEqual(['running', 300, 2000])
  })

  it('a record without live state (History, Compare) is its own view, with a label of choice', () => {
    const record = finishedRecord()
    const v = toRunView(record, undefined, style, `run ${record.id}`)
    expect(v.label).toBe(`run ${record.id}`)
    expect([v.status, v.done, v.total]).toEqual(['finished', record.final!.iterations, record.facts.plannedIterations])
    expect(v.series.loss!.steps).toBe(record.series.find((s) => s.series === 'loss')!.steps)
  })
})
