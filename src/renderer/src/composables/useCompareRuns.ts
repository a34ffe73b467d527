/**
 * Runs from any experiments, side by side: their stored records and series (getRuns), shown as
 * RunViews with one colour each, their experiments' names, and the facts that differ between them.
 * Reloaded when the backend says one of their experiments changed (e.g. a run still going).
 */
import { computed, onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue'
import { useApi } from '../api/client'
import { optimizerColor } from '@figures/palette'
import { runBaseline, type ExperimentSummary, type RunWithSeries, type SeriesName } from '../lib/contract'
import { differingKeys, runFacts, type Facts } from '../lib/runDiff'
import type { Points } from '../stores/liveRuns'
import { judged, type RunView } from './useExperimentRuns'

export interface CompareRun {
  record: RunWithSeries
  view: RunView
  experiment: ExperimentSummary | null
  facts: Facts
}

function toView(run: RunWithSeries, index: number): RunView {
  const series: Partial<Record<SeriesName, Points>> = {}
  for (const s of run.series) series[s.series] = { steps: s.steps, values: s.values }
  const lossSteps = series.loss?.steps ?? []
  const seen = lossSteps.length > 0 ? lossSteps[lossSteps.length - 1]! + 1 : 0
  return {
    id: run.id,
    ordinal: run.ordinal,
    // Stable and unique across experiments: CSV headers use it.
    label: `run ${run.id}`,
    optimizer: run.spec.optimizer.kind,
    color: optimizerColor(null, index),
    hyperparameters: {},
    meta: run.meta,
    iterPerEpoch: run.facts.itersPerEpoch,
    status: run.status,
    error: run.error,
    done: run.final?.iterations ?? seen,
    total: run.facts.plannedIterations || run.final?.iterations || seen,
    etaMs: null,
    final: run.final,
    series,
    ...judged(run.status, run.final, series, runBaseline(run.facts)),
  }
}

export function useCompareRuns(runIds: Ref<number[]>) {
  const api = useApi()
  const records = shallowRef<RunWithSeries[]>([])
  const experiments = shallowRef(new Map<number, ExperimentSummary>())
  const loading = ref(false)
  const error = ref<string | null>(null)

  async function load(): Promise<void> {
    const ids = runIds.value
    if (ids.length === 0) return void (records.value = [])
    loading.value = true
    try {
      const [runs, list] = await Promise.all([api.getRuns({ runIds: ids }), api.listExperiments({ limit: 1000 })])
      const byId = new Map(runs.map((r) => [r.id, r]))
      records.value = ids.map((id) => byId.get(id)).filter((r): r is RunWithSeries => r !== undefined)
      experiments.value = new Map(list.map((e) => [e.id, e]))
      error.value = null
    } catch (err) {
      error.value = (err as Error).message
    } finally {
      loading.value = false
    }
  }
  watch(runIds, load, { immediate: true })

  let timer: ReturnType<typeof setTimeout> | undefined
  const off = api.onEvent((e) => {
    if (e.type !== 'experiment.changed' || !records.value.some((r) => r.experimentId === e.experimentId)) return
    clearTimeout(timer)
    timer = setTimeout(() => void load(), 300)
  })
  onScopeDispose(() => {
    off()
    clearTimeout(timer)
  })

  const runs = computed<CompareRun[]>(() =>
    records.value.map((record, i) => {
      const experiment = experiments.value.get(record.experimentId) ?? null
      return { record, view: toView(record, i), experiment, facts: runFacts(record, experiment?.labId) }
    }),
  )
  const differing = computed(() => differingKeys(runs.value.map((r) => r.facts)))

  return { runs, differing, loading, error, reload: load }
}
