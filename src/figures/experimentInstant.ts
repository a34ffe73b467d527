/** The instant labs' exported figures, from the stored result: lab 1's contours and paths, lab 3's histograms. */
import { FUNCTIONS_2D, type Function2DId } from '../engine/functions2d'
import type { ExperimentDetail } from '../shared/records'
import type { Canvas2D, CanvasFactory } from './canvas'
import { contourField } from './contourField'
import { footerText } from './experimentCanvas'
import { renderHistogramsFigure } from './histogramFigure'
import { initFormula, rowsOfResult, type HistogramCell } from './histogramGrid'
import { OPTIMIZER_LABELS, optimizerColor } from './palette'
import { renderPathsFigure } from './pathsFigure'

interface PathResult {
  fn: Function2DId
  formula?: string
  start: [number, number]
  steps: number
  paths: { optimizer: string; hyperparameters?: Record<string, unknown>; points: ([number, number] | null)[]; diverged?: boolean }[]
}

/** Lab 1: the app's figure, contours with every optimizer's path, the overlay and one plot per optimizer. */
export function pathsFigure(create: CanvasFactory, detail: ExperimentDetail, width: number): Canvas2D {
  const r = detail.experiment.result as PathResult
  const fn = FUNCTIONS_2D[r.fn] ?? FUNCTIONS_2D.lesson
  const paths = r.paths.filter((p) => p && Array.isArray(p.points))
  const series = paths.map((p, i) => {
    const hyper = Object.entries(p.hyperparameters ?? {}).map(([k, v]) => `${k} ${v}`)
    const name = OPTIMIZER_LABELS[p.optimizer as keyof typeof OPTIMIZER_LABELS] ?? p.optimizer
    return { id: p.optimizer, label: `${name}${p.diverged ? ' (diverged)' : ''}`, title: `${name}${hyper.length ? ` (${hyper.join(', ')})` : ''}`, color: optimizerColor(p.optimizer, i), points: p.points }
  })
  const steps = Math.max(0, ...paths.map((p) => p.points.length - 1))
  const figure = renderPathsFigure(
    create,
    contourField(fn),
    series,
    steps,
    r.start ?? null,
    {
      title: detail.experiment.name,
      overlayTitle: r.formula ?? fn.formula,
      footer: `${footerText(detail)} · ${steps} steps from (${(r.start ?? []).join(', ')})`,
      seriesTitle: (s) => series.find((x) => x.id === s.id)?.title ?? s.label,
    },
    width / 1200,
  )
  return figure
}

/** Lab 3: the app's grid of histograms, one row per initial weights, one cell per activation. */
export function histogramsFigure(create: CanvasFactory, detail: ExperimentDetail, width: number): Canvas2D {
  const result = detail.experiment.result as { cells: HistogramCell[] }
  const params = detail.experiment.params as { units?: number; layers?: number; samples?: number; bins?: number }
  const rows = rowsOfResult(result.cells.filter((c) => c && Array.isArray(c.layers)))
  const names: Record<string, string> = { sigmoid: 'Sigmoid', relu: 'ReLU', tanh: 'tanh' }
  return renderHistogramsFigure(
    create,
    rows,
    {
      title: detail.experiment.name,
      footer: `${footerText(detail)} · ${params.layers ?? '?'} layers × ${params.units ?? '?'} units, ${params.samples ?? '?'} samples, ${params.bins ?? '?'} bins`,
      legend: 'Tinted: saturated (sigmoid/tanh near its ends) or dead (ReLU zeros) above the limit, or all outputs nearly the same',
      activationName: (a) => names[a] ?? a,
      initName: (i) => rows.find((row) => row.init === i)?.label ?? i.kind,
      initFormula: (i) => initFormula(i, params.units ?? 100),
      metric: (k) => k,
      sigma: (s) => String(Number(s.toPrecision(2))),
    },
    width / 1500,
  )
}

