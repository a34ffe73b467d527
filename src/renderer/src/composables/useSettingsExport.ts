/** The "Settings (JSON)" download: an experiment's lab, name, seed, parameters and each run's spec. */
import type { ExperimentDetail } from '../lib/contract'
import { slug } from '../lib/format'
import { useChartExport } from './useChartExport'

export function useSettingsExport() {
  const { exportJson } = useChartExport()

  function downloadSettings(detail: ExperimentDetail | null | undefined): void {
    if (!detail) return
    const { experiment: e, runs } = detail
    const settings = { lab: e.labId, name: e.name, seed: e.seed, params: e.params, runs: runs.map((r) => ({ label: r.label, meta: r.meta, spec: r.spec })) }
    exportJson(settings, `gradient-lab-${e.id}-${slug(e.name)}-settings.json`)
  }

  return { downloadSettings }
}
