/**
 * One random search as its views show it, live or from History: the experiment (useExperimentView),
 * its parameters with the lab's defaults, its trials and progress, and Pause / Resume / Cancel.
 * Pause and Cancel both stop the queued and running trials (finished ones are kept); Resume
 * queues the stopped trials again from scratch, also after the app was restarted.
 */
import { computed, ref, type Ref } from 'vue'
import { useApi } from '@renderer/api/client'
import { RandomSearchParamsSchema, type RandomSearchParams } from '@renderer/lib/contract'
import { useExperimentsStore } from '@renderer/stores/experiments'
import { useExperimentView } from '@renderer/composables/useExperimentView'
import { useSearchTrials } from './useSearchTrials'

export function useSearchView(experimentId: Ref<number>) {
  const api = useApi()
  const store = useExperimentsStore()
  const view = useExperimentView(experimentId)
  const params = computed<RandomSearchParams | null>(() => {
    const raw = view.detail.value?.experiment.params
    if (!raw) return null
    const parsed = RandomSearchParamsSchema.safeParse(raw)
    return parsed.success ? parsed.data : null
  })
  const trials = useSearchTrials(view.runs)
  const busy = ref<'pause' | 'resume' | 'cancel' | null>(null)
  const actionError = ref<string | null>(null)

  async function act(kind: 'pause' | 'resume' | 'cancel', fn: () => Promise<unknown>): Promise<void> {
    busy.value = kind
    actionError.value = null
    try {
      await fn()
      await store.loadDetail(experimentId.value)
    } catch (err) {
      actionError.value = (err as Error).message
    } finally {
      busy.value = null
    }
  }

  const pause = () => act('pause', () => api.cancelExperiment({ experimentId: experimentId.value }))
  const cancel = () => act('cancel', () => api.cancelExperiment({ experimentId: experimentId.value }))
  const resume = () => act('resume', () => api.resumeExperiment({ experimentId: experimentId.value }))

  /** PNG metadata: the experiment's (name, lab, seed, params) plus the run ids of every trial. */
  const metadata = computed<Record<string, string>>(() => ({
    ...view.metadata.value,
    'Run IDs': view.runs.value.map((r) => r.id).join(','),
  }))

  return { ...view, ...trials, params, metadata, busy, actionError, pause, resume, cancel }
}
