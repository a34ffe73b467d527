/**
 * What every result view of an experiment needs besides its runs: export file names, the PNG
 * metadata (name, lab, seed, settings), and Cancel for the whole experiment.
 */
import { computed, ref, type Ref } from 'vue'
import { slug } from '../lib/format'
import { useExperimentsStore } from '../stores/experiments'
import { useExperimentRuns } from './useExperimentRuns'

export function useExperimentView(experimentId: Ref<number>) {
  const store = useExperimentsStore()
  const runsView = useExperimentRuns(experimentId)
  const { detail } = runsView
  const cancelling = ref(false)
  const cancelError = ref<string | null>(null)

  const fileBase = computed(() => `gradient-lab-${experimentId.value}-${slug(detail.value?.experiment.name ?? 'experiment')}`)
  const metadata = computed<Record<string, string>>(() => {
    const e = detail.value?.experiment
    const meta: Record<string, string> = {}
    if (!e) return meta
    meta.Title = e.name
    meta.Source = `Gradient Lab experiment ${e.id} (${e.labId})`
    meta['Creation Time'] = e.createdAt
    meta.Comment = JSON.stringify({ lab: e.labId, seed: e.seed, params: e.params })
    return meta
  })

  async function cancel(): Promise<void> {
    cancelling.value = true
    cancelError.value = null
    try {
      await store.cancel(experimentId.value)
    } catch (err) {
      cancelError.value = (err as Error).message
    } finally {
      cancelling.value = false
    }
  }

  return { ...runsView, fileBase, metadata, cancel, cancelling, cancelError }
}
