/** One line of a ChartLine: the figures' line series (x and y as parallel arrays). */
export type { LineSeries as ChartSeries } from '@figures/lineChart'
