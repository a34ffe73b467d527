/**
 * Hand-in bundles: whole experiments (runs and series) exported as one `.glab.json` file, and a
 * bundle file imported back. The backend validates an import; a refused one leaves the database
 * untouched and its reason is shown as the backend gives it.
 */
import { ref } from 'vue'
import { useApi } from '../api/client'
import { useExperimentsStore } from '../stores/experiments'
import { download } from './useChartExport'

export const BUNDLE_EXTENSION = '.glab.json'

/** "gradient-lab-bundle-3-experiments-2025-03-01-1412.glab.json" (local time). */
function bundleFileName(count: number, now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  const stamp = `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}`
  return `gradient-lab-bundle-${count}-experiment${count === 1 ? '' : 's'}-${stamp}${BUNDLE_EXTENSION}`
}

export type ImportOutcome = { ok: true; experiments: { id: number; name: string }[] } | { ok: false; reason: string; notJson?: boolean }

export function useBundles() {
  const api = useApi()
  const store = useExperimentsStore()
  const busy = ref(false)

  async function exportBundle(ids: number[]): Promise<void> {
    busy.value = true
    try {
      const bundle = await api.exportBundle({ experimentIds: ids })
      download(new Blob([JSON.stringify(bundle)], { type: 'application/json' }), bundleFileName(ids.length))
    } finally {
      busy.value = false
    }
  }

  async function importFile(file: File): Promise<ImportOutcome> {
    busy.value = true
    try {
      let bundle: unknown
      try {
        bundle = JSON.parse(await file.text())
      } catch (err) {
        return { ok: false, notJson: true, reason: (err as Error).message }
      }
      try {
        const { experimentIds } = await api.importBundle({ bundle })
        await store.refreshList()
        // The backend creates them in the bundle's order; their names come from the file.
        const names = (bundle as { experiments?: { experiment?: { name?: unknown } }[] }).experiments ?? []
        return { ok: true, experiments: experimentIds.map((id, i) => ({ id, name: String(names[i]?.experiment?.name ?? `#${id}`) })) }
      } catch (err) {
        return { ok: false, reason: (err as Error).message }
      }
    } finally {
      busy.value = false
    }
  }

  return { busy, exportBundle, importFile }
}
