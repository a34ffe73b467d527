/** `export` and `import`: files out of and into the history, through the same LabService. */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { RequestError } from '../shared/api'
import { API_LIMITS } from '../shared/limits'
import type { LabApp } from '../main/app'
import { experimentCsv } from '../figures/csv'
import { slug } from '../figures/slug'
import { INSIDE_CSV_HEADER, insideCsv } from '../main/export/inside-csv'
import { renderExperimentPng } from '../main/export/chart'
import type { ExportFormat, ImportDuplicates } from './args'
import { UsageError } from './args'
import { toJsonReport } from './report'


/** Writes one file into `out` and returns its path. */
export async function exportExperiment(app: LabApp, experimentId: number, format: ExportFormat, out: string): Promise<string> {
  let detail
  try {
    detail = await app.service.call('getExperiment', { experimentId })
  } catch (e) {
    if (e instanceof RequestError) throw new UsageError(e.message)
    throw e
  }
  if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError(`--out ${out} is a file, not a folder`)
  mkdirSync(out, { recursive: true })
  const base = join(out, `gradient-lab-${experimentId}-${slug(detail.experiment.name)}`)
  const preset = detail.experiment.labId
  switch (format) {
    case 'png':
      writeFileSync(`${base}.png`, renderExperimentPng(detail))
      return `${base}.png`
    case 'csv': {
      writeFileSync(`${base}.csv`, experimentCsv(detail))
      const inside = insideCsv(detail, (id) => app.store.getInside(id))
      if (inside.length <= INSIDE_CSV_HEADER.length + 2) return `${base}.csv`
      writeFileSync(`${base}-inside.csv`, inside)
      return `${base}.csv\n${base}-inside.csv`
    }
    case 'json':
      writeFileSync(`${base}.json`, JSON.stringify(toJsonReport(preset, detail, (id) => app.store.getInside(id)), null, 2))
      return `${base}.json`
    case 'bundle': {
      const bundle = await app.service.call('exportBundle', { experimentIds: [experimentId] })
      writeFileSync(`${base}.glab.json`, JSON.stringify(bundle))
      return `${base}.glab.json`
    }
  }
}

/** Reads and imports a bundle; a bad file is a UsageError naming the file and the reason. */
/** Refuses, before reading a byte, what cannot be a bundle: no file, not a regular file, too large. */
export function checkBundleFile(file: string): void {
  if (!existsSync(file)) throw new UsageError(`${file}: no such file`)
  const st = statSync(file)
  if (!st.isFile()) throw new UsageError(`${file}: not a regular file, so not a bundle`)
  const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`
  if (st.size > API_LIMITS.bundleBytes) throw new UsageError(`${file}: ${mb(st.size)}, larger than a bundle may be (${mb(API_LIMITS.bundleBytes)})`)
}

/**
 * Imports a bundle; with `duplicates` 'ask' (the default), one whose experiments are already
 * stored is refused naming them and the two flags, and nothing is written.
 */
export async function importBundleFile(app: LabApp, file: string, duplicates: ImportDuplicates = 'ask'): Promise<{ experimentIds: number[]; skipped: number }> {
  checkBundleFile(file)
  let bundle: unknown
  try {
    bundle = JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    throw new UsageError(`${file}: not valid JSON (${(e as Error).message})`)
  }
  try {
    const r = await app.service.call('importBundle', { bundle, duplicates })
    if (duplicates === 'ask' && r.duplicates.length > 0) {
      const list = r.duplicates.map((d) => `'${d.name}' (stored as #${d.existingId})`).join(', ')
      throw new UsageError(`${file}: already imported: ${list}. Nothing was imported: pass --skip-duplicates to import only the others, or --import-again to import them again as new experiments`)
    }
    return { experimentIds: r.experimentIds, skipped: duplicates === 'skip' ? r.duplicates.length : 0 }
  } catch (e) {
    if (e instanceof RequestError) throw new UsageError(`${file}: ${e.message}`)
    throw e
  }
}
