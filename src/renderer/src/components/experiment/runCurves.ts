/**
 * What a run chart draws, by metric: the loss (one curve per run), the accuracy (train solid, test
 * dashed, validation dotted) or lab 6's gap (train − test), with the x axis in iterations or epochs,
 * its title, axis and file names and its y range. One table, so the app has one line-chart
 * component (RunChart.vue) for every trained lab and Compare.
 */
import type { CurveKind } from '@figures/seriesStyle'
import { gapPoints, toUnit, type XUnit } from '../../lib/epochs'
import type { Points, RunView } from '../../lib/runView'

export type MetricId = 'loss' | 'accuracy' | 'gap'
export type CurveName = 'loss' | 'trainAcc' | 'testAcc' | 'valAcc' | 'gap'

export interface RunCurve {
  run: RunView
  name: CurveName
  kind: CurveKind
  points: Points
  /** x in the chart's unit. */
  x: number[]
}

interface Metric {
  title: string
  /** The chart's name on its export buttons. */
  name: string
  yLabel: string
  testId: string
  /** The chart's height in px unless the page sets one. */
  height: number
  /** Appended to the export file names. */
  file: string
  /** The y range when fixed (the loss's is the book's, chosen on the chart). */
  y: (curves: RunCurve[]) => [number | null, number | null]
  /** Says each curve's last value in words above the chart (lab 6's final gaps). */
  finals?: boolean
  /** The x unit the metric is drawn in, given the chart's. */
  unit: (chart: XUnit) => XUnit
}

const ACC: readonly { name: 'trainAcc' | 'testAcc' | 'valAcc'; kind: CurveKind; word: string }[] = [
  { name: 'trainAcc', kind: 'train', word: 'charts.train' },
  { name: 'testAcc', kind: 'test', word: 'charts.test' },
  { name: 'valAcc', kind: 'val', word: 'curves.validation' },
]
/** The word naming each accuracy curve in tooltips ("Adam (test)"). */
export const CURVE_WORD: Partial<Record<CurveName, string>> = Object.fromEntries(ACC.map((a) => [a.name, a.word]))

export const METRICS: Record<MetricId, Metric> = {
  loss: { title: 'charts.lossTitle', name: 'charts.loss', yLabel: 'charts.loss', testId: 'loss-chart', height: 340, file: 'loss', y: () => [null, null], unit: () => 'iteration' },
  accuracy: { title: 'charts.accTitle', name: 'charts.accuracy', yLabel: 'charts.accuracy', testId: 'accuracy-chart', height: 260, file: 'accuracy', y: () => [0, 1], unit: (u) => u },
  gap: {
    title: 'overfit.gapTitle',
    name: 'overfit.gapName',
    yLabel: 'overfit.gapAxis',
    testId: 'gap-chart',
    height: 240,
    file: 'gap',
    finals: true,
    y: (curves) => [Math.min(0, ...curves.flatMap((c) => c.points.values)), null],
    unit: () => 'epoch',
  },
}

function rawCurves(metric: MetricId, run: RunView): Omit<RunCurve, 'x'>[] {
  if (metric === 'loss') return run.series.loss?.steps.length ? [{ run, name: 'loss', kind: 'main', points: run.series.loss }] : []
  if (metric === 'gap') {
    const points = gapPoints(run.series.trainAcc, run.series.testAcc)
    return points.steps.length ? [{ run, name: 'gap', kind: 'main', points }] : []
  }
  return ACC.filter((a) => (run.series[a.name]?.steps.length ?? 0) > 0).map((a) => ({ run, name: a.name, kind: a.kind, points: run.series[a.name]! }))
}

/** Every curve of `runs` for a metric, x converted to `unit`. */
export function runCurves(metric: MetricId, runs: readonly RunView[], unit: XUnit): RunCurve[] {
  return runs.flatMap((r) => rawCurves(metric, r).map((c) => ({ ...c, x: toUnit(c.points.steps, unit, r.iterPerEpoch) })))
}

/** The x axis spans the planned training, so live curves grow from left to right. */
export function plannedX(runs: readonly RunView[], unit: XUnit): number {
  return Math.max(1, ...runs.map((r) => toUnit([r.total], unit, r.iterPerEpoch)[0]!))
}
