/**
 * A lab page's link to its experiment: the experiment shown is in the URL (?experiment=ID), so a
 * reload shows it again, and coming back to the page without it shows the one it showed last.
 * `start` runs the lab with the form's parameters and shows the new experiment.
 */
import { computed, ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import type { LabId } from '../lib/contract'
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

  return { experimentId, busy, startError, start }
}
