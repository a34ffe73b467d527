/** Accuracy points are stored by iteration; labs that train in epochs show them by epoch. */
import type { Points } from '../stores/liveRuns'

export type XUnit = 'iteration' | 'epoch'

/** Steps divided by the iterations per epoch (rounded to 3 decimals); unchanged without one. */
export function toUnit(steps: readonly number[], unit: XUnit, perEpoch: number | null): number[] {
  if (unit === 'iteration' || !perEpoch) return [...steps]
  return steps.map((s) => Math.round((s / perEpoch) * 1000) / 1000)
}

/** Train − test at every step both series have (the generalization gap). */
export function gapPoints(train: Points | undefined, test: Points | undefined): Points {
  const out: Points = { steps: [], values: [] }
  if (!train || !test) return out
  const testAt = new Map(test.steps.map((s, i) => [s, test.values[i]!]))
  train.steps.forEach((s, i) => {
    const v = testAt.get(s)
    if (v !== undefined) {
      out.steps.push(s)
      out.values.push(train.values[i]! - v)
    }
  })
  return out
}
