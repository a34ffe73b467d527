/**
 * A lab page's link to its experiment: the experiment shown is in the URL (?experiment=ID), so a
 * reload shows it again, and coming back to the page without it shows the one it showed last.
 * `start` runs the lab with the form's parameters and shows the new experiment. `applyPreset` fills
 * the lab's form from preset keys (a lesson link's query: `{ iterations: '700', optimizers: 'sgd,adam' }`)
 * through the same path as History's "open in the lab", and returns what it refused, by field.
 */
import { computed, ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import type { LabId } from '../lib/contract'
import type { FormIssue } from '../lib/forms'
import { labUi } from '../labs/catalog'
import { useExperimentsStore } from '../stores/experiments'

export function useLabPage(labId: LabId) {
  const route = useRoute()
  const router = useRouter()
  const store = useExperimentsStore()
  const busy = ref(false)
  const startError = ref<string | null>(null)

  const experimentId = computed(() => {
    const n = Number(route.query.experiment)
    return Number.isInteger(n) && n > 0 ? n : null
  })

  watch(
    experimentId,
    (id) => {
      const last = store.lastByLab[labId]
      if (id === null && last !== undefined) void router.replace({ query: { experiment: String(last) } })
      else if (id !== null) store.lastByLab[labId] = id
    },
    { immediate: true },
  )

  /** Starts the lab (the name in the user's language) and shows the new experiment. */
  async function start(params: Record<string, unknown>, name: string): Promise<void> {
    busy.value = true
    startError.value = null
    try {
      const id = await store.start(labId, params, name)
      await router.replace({ query: { experiment: String(id) } })
    } catch (err) {
      startError.value = (err as Error).message
    } finally {
      busy.value = false
    }
  }

  /** Sets the form's fields from preset keys over the book's defaults; with any error nothing changes (see useSchemaForm). */
  function applyPreset(values: Record<string, string>): Record<string, FormIssue> {
    return labUi(labId).form().applyPreset(values)
  }

  return { experimentId, busy, startError, start, applyPreset }
}
