/** Settings saved under a name in the database (the builder's networks): list, save or replace, delete. */
import { ref } from 'vue'
import { useApi } from '@renderer/api/client'
import type { SavedSpec } from '@renderer/lib/contract'

export function useSavedSpecs(kind: string) {
  const api = useApi()
  const specs = ref<SavedSpec[]>([])
  const loaded = ref(false)
  const busy = ref(false)
  const error = ref<string | null>(null)

  async function run(fn: () => Promise<void>): Promise<boolean> {
    busy.value = true
    error.value = null
    try {
      await fn()
      return true
    } catch (err) {
      error.value = (err as Error).message
      return false
    } finally {
      busy.value = false
    }
  }

  const refresh = () =>
    run(async () => {
      specs.value = await api.listSpecs({ kind })
      loaded.value = true
    })
  const save = (name: string, spec: Record<string, unknown>) => run(async () => void (await api.saveSpec({ name, kind, spec }))).then(async (ok) => ok && (await refresh()))
  const remove = (name: string) => run(async () => void (await api.deleteSpec({ name }))).then(async (ok) => ok && (await refresh()))

  return { specs, loaded, busy, error, refresh, save, remove }
}
