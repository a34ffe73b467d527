/** Accuracy points are stored by iteration; labs that train in epochs show them by epoch. */
import type { Points } from './runView'

export type XUnit = 'iteration' | 'epoch'

/** Steps divided by the iterations per epoch (rounded to 3 decimals); unchanged without one. */
export function toUnit(steps: readonly number[], unit: XUnit, perEpoch: number | null): number[] {
  if (unit === 'iteration' || !perEpoch) return [...steps]
  return steps.map((s) => Math.round((s / perEpoch) * 1000) / 1000)
}

/** Train − test at every step both series have (the generalization gap): the figures' one definition. */
export { gapPoints } from '@figures/series'
