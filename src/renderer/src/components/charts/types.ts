/** One line of a ChartLine: x and y as parallel arrays (iterations and values). */
export interface ChartSeries {
  id: string
  label: string
  color: string
  x: readonly number[]
  y: readonly number[]
  dashed?: boolean
  width?: number
}
