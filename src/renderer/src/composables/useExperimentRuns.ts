/**
 * One experiment's runs as the pages show them: its stored detail (experiments store) read through
 * the runs store, which merges each record with what the event stream has brought since
 * (lib/runView.ts). Each run is styled by its lab (figures/palette: colour and marker), as in the
 * CLI's figures. Once every run has ended, the detail is reloaded and the page draws from the
 * database alone, the same as when it is opened later from History.
 */
import { computed, ref, watch, type Ref } from 'vue'
import { useApi } from '../api/client'
import { runStyles } from '@figures/palette'
import type { ExperimentDetail } from '../lib/contract'
import { isTerminal, type RunView } from '../lib/runView'
import { useExperimentsStore } from '../stores/experiments'
import { useRunsStore } from '../stores/runs'

export { isTerminal, judged, type Points, type RunView } from '../lib/runView'

export function useExperimentRuns(id: Ref<number | null>) {
  const api = useApi()
  const store = useExperimentsStore()
  const runsStore = useRunsStore()
  const loading = ref(false)

  const detail = computed<ExperimentDetail | null>(() => (id.value === null ? null : (store.details.get(id.value) ?? null)))
  const error = computed(() => (id.value === null ? null : (store.detailErrors.get(id.value) ?? null)))

  watch(
    id,
    async (value) => {
      if (value === null) return
      loading.value = !store.details.has(value)
      const [, active] = await Promise.all([store.loadDetail(value), api.activeRuns({}).catch(() => [])])
      runsStore.seedProgress(active.filter((a) => a.experimentId === value))
      loading.value = false
    },
    { immediate: true },
  )

  const styles = computed(() => (detail.value ? runStyles(detail.value.experiment.labId, detail.value.runs) : []))
  const runs = computed<RunView[]>(() => (detail.value?.runs ?? []).map((r, i) => runsStore.view(r, styles.value[i]!)))
  const active = computed(() => runs.value.some((r) => !isTerminal(r.status)))

  // When the stream says a run has ended that the stored detail still shows going, reload it:
  // from then on the charts come from the database only.
  watch(
    () => detail.value !== null && !active.value && detail.value.runs.some((r) => runsStore.endedSince(r)),
    (stale) => {
      if (stale && id.value !== null) void store.loadDetail(id.value)
    },
  )

  return { detail, runs, active, loading, error }
}
