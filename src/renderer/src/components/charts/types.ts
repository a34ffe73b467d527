/** One line of a ChartLine: x and y as parallel arrays (iterations and values). */
export interface ChartSeries {
  id: string
  label: string
  color: string
  x: readonly number[]
  y: readonly number[]
  dashed?: boolean
  /** An explicit dash pattern (e.g. [2, 3] dotted), instead of `dashed`'s [6, 4]. */
  dash?: number[]
  width?: number
}
