/**
 * Hand-in bundles: whole experiments (runs and series) exported as one `.glab.json` file, and a
 * bundle file imported back. The backend validates an import; a refused one leaves the database
 * untouched. What the app can tell by itself (not JSON, not a bundle, a newer version) is worded
 * in the user's language; a deeper problem carries the backend's detail (field paths). A bundle
 * imported before is noticed first: the user chooses to skip those experiments or copy them.
 */
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useApi } from '../api/client'
import { bundleIssues } from '../lib/contract'
import { useExperimentsStore } from '../stores/experiments'
import { download } from './useChartExport'

export const BUNDLE_EXTENSION = '.glab.json'

/** "gradient-lab-bundle-3-experiments-2025-03-01-1412.glab.json" (local time). */
function bundleFileName(count: number, now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  const stamp = `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}`
  return `gradient-lab-bundle-${count}-experiment${count === 1 ? '' : 's'}-${stamp}${BUNDLE_EXTENSION}`
}

export type ImportProblem = 'notJson' | 'notBundle' | 'version' | 'invalid'
export interface Duplicate {
  name: string
  existingId: number
}
export type ImportOutcome =
  | { ok: true; experiments: { id: number; name: string }[]; skipped: Duplicate[] }
  | { ok: false; problem: ImportProblem; reason: string }
  /** Some of the file's experiments are already stored: nothing imported yet; call `resolve` with the user's choice. */
  | { ok: 'ask'; duplicates: Duplicate[]; total: number; resolve: (choice: 'skip' | 'keep') => Promise<ImportOutcome> }

export function useBundles() {
  const api = useApi()
  const store = useExperimentsStore()
  const { locale } = useI18n()
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

  async function send(bundle: unknown, duplicates: 'ask' | 'skip' | 'keep'): Promise<ImportOutcome> {
    busy.value = true
    try {
      const res = await api.importBundle({ bundle, duplicates })
      const names = ((bundle as { experiments?: { experiment?: { name?: unknown } }[] }).experiments ?? []).map((e, i) => String(e?.experiment?.name ?? `#${i + 1}`))
      const found = res.duplicates.map((d) => ({ name: d.name, existingId: d.existingId }))
      if (duplicates === 'ask' && found.length > 0) {
        return { ok: 'ask', duplicates: found, total: names.length, resolve: (choice) => send(bundle, choice) }
      }
      await store.refreshList()
      // The backend creates them in the bundle's order (less the skipped ones); their names come from the file.
      const skippedIdx = new Set(duplicates === 'skip' ? res.duplicates.map((d) => d.index) : [])
      const kept = names.filter((_, i) => !skippedIdx.has(i))
      return { ok: true, experiments: res.experimentIds.map((id, i) => ({ id, name: kept[i] ?? `#${id}` })), skipped: duplicates === 'skip' ? found : [] }
    } catch (err) {
      return { ok: false, problem: 'invalid', reason: (err as Error).message }
    } finally {
      busy.value = false
    }
  }

  async function importFile(file: File): Promise<ImportOutcome> {
    let bundle: unknown
    try {
      bundle = JSON.parse(await file.text())
    } catch (err) {
      return { ok: false, problem: 'notJson', reason: (err as Error).message }
    }
    const head = bundle as { format?: unknown; version?: unknown } | null
    if (typeof head !== 'object' || head === null || head.format !== 'gradient-lab-bundle') return { ok: false, problem: 'notBundle', reason: '' }
    if (head.version !== 1) return { ok: false, problem: 'version', reason: String(head.version) }
    // the schema's problems with their field paths, in the user's language (the backend checks again)
    const issues = bundleIssues(bundle, locale.value === 'ko' ? 'ko' : 'en')
    if (issues.length > 0) return { ok: false, problem: 'invalid', reason: issues.join('; ') }
    return send(bundle, 'ask')
  }

  return { busy, exportBundle, importFile }
}
