/** Lab 5's exported figure, as the book draws it. */
import type { ExperimentDetail, RunWithSeries } from '../shared/records'
import type { Canvas2D, CanvasFactory } from './canvas'
import { drawChart, withFooter } from './experimentCanvas'
import { composeGrid } from './grid'
import { lineChartConfig, type LineSeries } from './lineChart'
import { BN_COLORS, BN_STYLES, type RunStyle } from './palette'
import { seriesXY, xUnit } from './series'

/** Lab 5, as the book draws it: a panel per weight scale, train accuracy with BN (solid) and without (dashed). */
export function batchnormGrid(create: CanvasFactory, detail: ExperimentDetail, width: number): Canvas2D {
  const { runs } = detail
  const groups = new Map<number, { scale: number; bn?: RunWithSeries; plain?: RunWithSeries }>()
  for (const r of runs) {
    const k = r.meta.scaleIndex as number
    const init = r.spec.network.init
    const g = groups.get(k) ?? { scale: typeof r.meta.scale === 'number' ? r.meta.scale : init.kind === 'std' ? init.std : NaN }
    if (r.meta.batchNorm) g.bn = r
    else g.plain = r
    groups.set(k, g)
  }
  const panels = [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g)
  const unit = xUnit(runs)
  const columns = Math.min(4, panels.length)
  const cellW = Math.floor((width - 8 * (columns + 1)) / columns)
  const cellH = Math.round(cellW * 0.62)
  const xMax = Math.max(1, ...runs.flatMap((r) => seriesXY(r, 'trainAcc', unit).xs))
  const cells = panels.map((g) => {
    const line = (r: RunWithSeries | undefined, style: RunStyle, dashed: boolean): LineSeries[] => {
      if (!r) return []
      const xy = seriesXY(r, 'trainAcc', unit)
      return [{ id: String(r.id), label: r.label, color: style.color, marker: style.marker, markerPhase: dashed ? 2 : 0, x: xy.xs, y: xy.ys, dashed, width: 1.8 }]
    }
    const status = [g.bn, g.plain].some((r) => r && r.status !== 'finished') ? ' (not finished)' : ''
    const cell = create(cellW, cellH)
    const config = lineChartConfig([...line(g.bn, BN_STYLES.bn, false), ...line(g.plain, BN_STYLES.noBn, true)], {
      title: `W: ${Number(g.scale.toPrecision(3))}${status}`,
      xLabel: unit === 'epoch' ? 'Epoch' : 'Iteration',
      yLabel: 'Accuracy',
      xMin: 0,
      xMax,
      yMin: 0,
      yMax: 1,
      compact: true,
    })
    drawChart(create, cell, 0, 0, cellW, cellH, config)
    return cell
  })
  const grid = composeGrid(create, {
    columns,
    title: `${detail.experiment.name}: train accuracy per ${unit}, one panel per initial weight scale W (std)`,
    legend: [
      { label: 'Batch Normalization', color: BN_COLORS.bn },
      { label: 'Normal (without BatchNorm)', color: BN_COLORS.noBn, dashed: true },
    ],
    ratio: 1,
    count: cells.length,
    cellW,
    cellH,
    cell: (i, place) => place(cells[i]!),
  })
  return withFooter(create, grid, detail)
}

