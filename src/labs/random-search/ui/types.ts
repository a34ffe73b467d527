/** What the search plots draw: a finished trial on the plane, a binned cell with its shown value, the curves' colours. */
import type { Bin } from './searchSpace'

export interface HeatPoint {
  x: number
  y: number
  /** Validation accuracy. */
  v: number
  runId: number
  rank: number | null
}

export interface HeatCell extends Bin {
  /** Best or mean validation accuracy of the trials inside. */
  value: number
}

/** The book's Best-k curves: validation in matplotlib's first colour (solid), training in its second (dashed). */
export const BEST_COLORS = { val: '#1f77b4', train: '#ff7f0e' } as const
