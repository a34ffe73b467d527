/**
 * Runs from any experiments, side by side: their stored records and series (getRuns), shown as
 * RunViews with one colour and marker each, their experiments' names, and the facts that differ between them.
 * Reloaded when the backend says one of their experiments changed (e.g. a run still going).
 */
import { computed, onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue'
import { useApi } from '../api/client'
import { ordinalStyle } from '@figures/palette'
import type { ExperimentSummary, RunWithSeries } from '../lib/contract'
import { differingKeys, runFacts, type Facts } from '../lib/runDiff'
import { toRunView, type RunView } from '../lib/runView'

export interface CompareRun {
  record: RunWithSeries
  view: RunView
  experiment: ExperimentSummary | null
  facts: Facts
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
      // Labelled `run <id>`: stable and unique across experiments (CSV headers use it).
      return { record, view: toRunView(record, undefined, ordinalStyle(i), `run ${record.id}`), experiment, facts: runFacts(record, experiment?.labId) }
    }),
  )
  const differing = computed(() => differingKeys(runs.value.map((r) => r.facts)))

  return { runs, differing, loading, error, reload: load }
}
