/**
 * The numbers a run shows: its final metrics when it finished, else what its stored series
 * reached (a cancelled or interrupted run keeps its last loss and accuracies, each with the
 * iteration it was measured at, instead of showing nothing).
 */
import type { FinalMetrics, SeriesName } from './schemas'

export interface Points {
  steps: readonly number[]
  values: readonly number[]
}

/** One number and the iteration it belongs to (null: the final value of a finished run). */
export interface RunNumber {
  value: number
  iteration: number | null
}

export type RunNumbers = Record<'loss' | 'trainAcc' | 'testAcc' | 'valAcc', RunNumber | null> & {
  /** True when the numbers come from the series of a run that did not finish. */
  partial: boolean
}

/** The last finite point of a series, or null. */
export function lastPoint(p: Points | undefined): RunNumber | null {
  if (!p) return null
  const n = Math.min(p.steps.length, p.values.length)
  for (let i = n - 1; i >= 0; i--) {
    const v = p.values[i]!
    if (Number.isFinite(v)) return { value: v, iteration: p.steps[i]! }
  }
  return null
}

const NAMES = ['loss', 'trainAcc', 'testAcc', 'valAcc'] as const

export function runNumbers(final: FinalMetrics | null, series: Partial<Record<SeriesName, Points>>): RunNumbers {
  if (final) {
    const pick = (v: number | null | undefined): RunNumber | null => (typeof v === 'number' ? { value: v, iteration: null } : null)
    return { loss: pick(final.loss), trainAcc: pick(final.trainAcc), testAcc: pick(final.testAcc), valAcc: pick(final.valAcc), partial: false }
  }
  const out = { partial: true } as RunNumbers
  for (const name of NAMES) out[name] = lastPoint(series[name])
  out.partial = NAMES.some((n) => out[n] !== null)
  return out
}
