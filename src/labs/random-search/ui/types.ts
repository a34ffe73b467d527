/** What the search plots draw: a finished trial on the plane, a binned cell with its shown value, the curves' colours. */
import type { Bin } from './searchSpace'
import type { HeatCell as FigureCell } from '@figures/searchHeatmapData'

export type { HeatPoint } from '@figures/searchHeatmapData'

/** A bin with the value the figure shows (best or mean validation accuracy of the trials inside). */
export interface HeatCell extends Bin, FigureCell {}

/** The book's Best-k curves: validation in matplotlib's first colour (solid), training in its second (dashed). */
export const BEST_COLORS = { val: '#1f77b4', train: '#ff7f0e' } as const
