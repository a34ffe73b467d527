/**
 * What a lab's result view shows, as data: which charts (metric, x unit, loss range), how the
 * final table is headed and which columns it adds, how runs are named and which pair the Inside
 * panel opens with. ExperimentResults.vue draws any layout; a lab's view only gives its own.
 */
import type { ExperimentDetail } from '../../lib/contract'
import type { XUnit } from '../../lib/epochs'
import type { RunView } from '../../lib/runView'
import type { ExtraColumn } from '../runs/types'
import type { MetricId } from './runCurves'

export interface ChartSpec {
  metric: MetricId
  xUnit?: XUnit
  height?: number
  bookYMax?: number
  yRangeDefault?: 'book' | 'auto'
}

export interface ResultLayout {
  charts: ChartSpec[]
  runName?: (r: RunView) => string
  table?: { runHeader?: string; extra?: ExtraColumn[]; budget?: 'iterations' | 'epochs'; showLoss?: boolean }
  /** The runs the Inside panel shows side by side at first. */
  pair?: (runs: RunView[]) => [number, number?] | undefined
}

/** Lab 2's layout, and History's for labs without one of their own: the loss, the accuracy, the table. */
export const DEFAULT_LAYOUT: ResultLayout = { charts: [{ metric: 'loss' }, { metric: 'accuracy' }] }

export type LayoutOf = (runs: RunView[], detail: ExperimentDetail) => ResultLayout
