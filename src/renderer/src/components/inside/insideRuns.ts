/** Runs as the Inside panel lists them, and the lesson's default pairs per lab. */
import type { RunView } from '../../composables/useExperimentRuns'
import { BN_COLORS } from '@figures/palette'
import type { InsideRun } from './InsidePanel.vue'

export function toInsideRuns(runs: readonly RunView[], name: (r: RunView) => string = (r) => r.label, color: (r: RunView) => string = (r) => r.color): InsideRun[] {
  return runs.map((r) => ({ id: r.id, name: name(r), color: color(r), final: r.final }))
}

/** Lab 5's colours: with BN blue, without orange, as its charts draw them. */
export const batchnormColor = (r: RunView): string => (r.meta.batchNorm === true ? BN_COLORS.bn : BN_COLORS.noBn)

/** The first run matching `a` and the first matching `b`: the pair shown side by side by default. */
export function pairOf(runs: readonly RunView[], a: (r: RunView) => boolean, b: (r: RunView) => boolean): [number, number?] | undefined {
  const first = runs.find(a)
  if (!first) return undefined
  return [first.id, runs.find((r) => r !== first && b(r))?.id]
}

const initKind = (r: RunView) => (r.meta.init as { kind?: string } | undefined)?.kind

/** Lab 4: std=0.01 against He. */
export const initPair = (runs: readonly RunView[]) => pairOf(runs, (r) => initKind(r) === 'std', (r) => initKind(r) === 'he')

/** Lab 5: with and without BN at the scale nearest 10^−2.25 (just below 0.01, where the plain network stops learning). */
export function batchnormPair(runs: readonly RunView[]): [number, number?] | undefined {
  const scales = [...new Set(runs.map((r) => Number(r.meta.scale)).filter((s) => s > 0))]
  if (scales.length === 0) return undefined
  const near = scales.reduce((best, s) => (Math.abs(Math.log10(s) + 2.25) < Math.abs(Math.log10(best) + 2.25) ? s : best))
  const at = runs.filter((r) => Number(r.meta.scale) === near)
  return pairOf(at, (r) => r.meta.batchNorm === true, (r) => r.meta.batchNorm !== true)
}

/** Lab 6: with and without the cure (dropout or weight decay). */
export const curePair = (runs: readonly RunView[]) => pairOf(runs, (r) => r.meta.cured !== true, (r) => r.meta.cured === true)
