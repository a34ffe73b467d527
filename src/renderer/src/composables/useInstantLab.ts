/**
 * The instant labs (1 and 3) compute in the page; "Save to History" asks the service to compute
 * the same deterministic result and store it as an experiment. A stored one is read back whole
 * (its `result`) by the lab's result view.
 */
import { computed, ref, watch, type Ref } from 'vue'
import type { LabId } from '../lib/contract'
import { slug } from '../lib/format'
import { useExperimentsStore } from '../stores/experiments'

export function useInstantSave(labId: LabId, params: Ref<unknown>) {
  const store = useExperimentsStore()
  const busy = ref(false)
  const saveError = ref<string | null>(null)
  const savedId = ref<number | null>(null)

  // "Saved as #12" describes the settings it was saved with; any change makes it stale.
  watch(params, () => (savedId.value = null), { deep: true })

  async function save(p: Record<string, unknown>, name: string): Promise<void> {
    busy.value = true
    saveError.value = null
    try {
      const id = await store.start(labId, p, name)
      savedId.value = id
    } catch (err) {
      saveError.value = (err as Error).message
    } finally {
      busy.value = false
    }
  }

  return { busy, saveError, savedId, save }
}

export function useStoredExperiment(id: Ref<number>) {
  const store = useExperimentsStore()
  watch(id, (v) => void (store.details.has(v) ? null : store.loadDetail(v)), { immediate: true })
  const detail = computed(() => store.details.get(id.value) ?? null)
  const error = computed(() => store.detailErrors.get(id.value) ?? null)
  const fileBase = computed(() => `gradient-lab-${id.value}-${slug(detail.value?.experiment.name ?? 'experiment')}`)
  return { detail, error, fileBase }
}
