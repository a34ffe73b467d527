/** What the search plots draw: a finished trial on the plane, a binned cell with its shown value, the curves' colours. */
import type { Bin } from './searchSpace'
import type { HeatCell as FigureCell } from '@figures/searchHeatmapData'
import type { ChartSeries } from '@renderer/components/charts/types'
import type { Trial } from './useSearchTrials'

export type { HeatPoint } from '@figures/searchHeatmapData'

/** A bin with the value the figure shows (best or mean validation accuracy of the trials inside). */
export interface HeatCell extends Bin, FigureCell {}

/** The book's Best-k curves: validation in matplotlib's first colour (solid), training in its second (dashed). */
export const BEST_COLORS = { val: '#1f77b4', train: '#ff7f0e' } as const

/** A trial's two curves, as its Best-k cell and its large view draw them. */
export function bestSeries(tr: Trial, t: (key: string) => string): ChartSeries[] {
  return [
    { id: 'val', label: t('random-search.best.val'), color: BEST_COLORS.val, x: tr.val.steps, y: tr.val.values },
    { id: 'train', label: t('random-search.best.train'), color: BEST_COLORS.train, x: tr.train.steps, y: tr.train.values, dashed: true },
  ]
}
