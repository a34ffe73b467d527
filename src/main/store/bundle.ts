/**
 * Hand-in bundles: whole experiments with their runs and series, as one JSON-able object.
 * Import validates everything (BundleSchema, then consistency) before touching the database.
 */
import { formatZodError } from '../../shared/api'
import { API_LIMITS } from '../../shared/limits'
import { type Bundle, BundleSchema, type ExperimentDetail, type Series } from '../../shared/records'
import type { RunInside } from '../../shared/inside'
import { BundleError } from './errors'

export const BUNDLE_FORMAT = 'gradient-lab-bundle' as const
export const BUNDLE_VERSION = 1 as const

/**
 * Wraps experiment details as a bundle. JSON has no NaN/Infinity (and the schema rejects
 * them), so non-finite points (a diverged loss) are left out of the series.
 */
export function makeBundle(details: ExperimentDetail[], exportedAt: string, insideOf: (runId: number) => RunInside | null = () => null): Bundle {
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt,
    experiments: details.map((d) => ({
      ...d,
      runs: d.runs.map((r) => {
        const inside = insideOf(r.id)
        return { ...r, series: r.series.map(finitePoints), ...(inside ? { inside } : {}) }
      }),
    })),
  }
}

function finitePoints(s: Series): Series {
  if (s.values.every(Number.isFinite)) return s
  const keep = s.values.map(Number.isFinite)
  return { series: s.series, steps: s.steps.filter((_, i) => keep[i]), values: s.values.filter((_, i) => keep[i]) }
}

/** Checks an experiment's lab parameters; returns the problem ("where: what") or null. */
export type ParamsCheck = (labId: Bundle['experiments'][number]['experiment']['labId'], params: Record<string, unknown>, where: string) => string | null

/** Parses and checks a bundle; throws a BundleError with every reason found. */
export function checkBundle(input: unknown, checkParams?: ParamsCheck): Bundle {
  const parsed = BundleSchema.safeParse(input)
  if (!parsed.success) throw new BundleError(`not a valid Gradient Lab bundle: ${formatZodError(parsed.error)}`)
  const bundle = parsed.data
  const problems: string[] = []
  const seen = new Set<number>()
  bundle.experiments.forEach(({ experiment, runs }, i) => {
    const where = `experiments.${i}`
    if (seen.has(experiment.id)) problems.push(`${where}: experiment id ${experiment.id} appears more than once`)
    seen.add(experiment.id)
    const ordinals = new Set<number>()
    runs.forEach((run, j) => {
      if (ordinals.has(run.ordinal)) problems.push(`${where}.runs.${j}: ordinal ${run.ordinal} appears more than once`)
      ordinals.add(run.ordinal)
      run.series.forEach((s, k) => {
        if (s.steps.length !== s.values.length) {
          problems.push(`${where}.runs.${j}.series.${k} (${s.series}): ${s.steps.length} steps but ${s.values.length} values`)
        }
        if (!s.steps.every((st) => Number.isSafeInteger(st) && st >= 0)) {
          problems.push(`${where}.runs.${j}.series.${k} (${s.series}): steps must be whole numbers ≥ 0`)
        }
      })
    })
  })
  problems.push(...limitProblems(bundle, checkParams))
  if (problems.length > 0) throw new BundleError(`not a valid Gradient Lab bundle: ${problems.slice(0, 20).join('; ')}`)
  return bundle
}

/** The API's own limits (src/shared/limits.ts) and, through `checkParams`, each lab's parameter schema. */
function limitProblems(bundle: Bundle, checkParams?: ParamsCheck): string[] {
  const L = API_LIMITS
  const problems: string[] = []
  if (bundle.experiments.length > L.experimentsPerBundle) {
    problems.push(`experiments: ${bundle.experiments.length} experiments, at most ${L.experimentsPerBundle} per bundle`)
  }
  let points = 0
  bundle.experiments.forEach(({ experiment: e, runs }, i) => {
    const where = `experiments.${i}`
    if (e.name.length > L.nameLength) problems.push(`${where}.name: ${e.name.length} characters, at most ${L.nameLength}`)
    if (e.tags.length > L.tags) problems.push(`${where}.tags: ${e.tags.length} tags, at most ${L.tags}`)
    const longTag = e.tags.findIndex((t) => t.length > L.tagLength)
    if (longTag >= 0) problems.push(`${where}.tags.${longTag}: at most ${L.tagLength} characters`)
    if (runs.length > L.runsPerExperiment) problems.push(`${where}.runs: ${runs.length} runs, at most ${L.runsPerExperiment}`)
    const bad = checkParams?.(e.labId, e.params, `${where}.params`)
    if (bad) problems.push(bad)
    runs.forEach((r, j) => {
      if (r.label.length > L.labelLength) problems.push(`${where}.runs.${j}.label: at most ${L.labelLength} characters`)
      for (const s of r.series) points += s.steps.length
    })
  })
  if (points > L.pointsPerBundle) problems.push(`${points} metric points in all, at most ${L.pointsPerBundle}`)
  return problems
}
