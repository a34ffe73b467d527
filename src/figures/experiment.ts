/**
 * A stored experiment as one figure, drawn by the same code as the app's charts: the loss per
 * iteration (smoothed the book's way) for the labs that compare losses, the accuracy per
 * iteration/epoch otherwise (train solid, test/validation dashed), lab 6 with its train − test
 * gap below, lab 5 as the book's grid of panels, lab 1's contours with the paths, lab 3's
 * histogram grid (one file per figure: experimentLines, experimentSearch, experimentBatchnorm,
 * experimentInstant; experimentCanvas the pieces they share). Node-safe: the caller gives the canvases (the CLI: @napi-rs/canvas).
 */
import type { ExperimentDetail } from '../shared/records'
import type { Canvas2D, CanvasFactory } from './canvas'
import { FOOTER_H, blank, drawChart, drawFooter, messageFigure } from './experimentCanvas'
import { batchnormGrid } from './experimentBatchnorm'
import { histogramsFigure, pathsFigure } from './experimentInstant'
import { lineFigure, overfitFigure, type FigureOptions } from './experimentLines'
import { searchFigure, searchTrials } from './experimentSearch'
import { gapPoints } from './series'

export type { FigureOptions } from './experimentLines'
export { footerText } from './experimentCanvas'

/** The labs whose book figure is the accuracy (batch norm, overfitting, the search). */
const ACCURACY_LABS = new Set(['batchnorm', 'overfit', 'random-search'])

/** The experiment's figure on a canvas from `create`. */
export function renderExperimentFigure(create: CanvasFactory, detail: ExperimentDetail, opts: FigureOptions = {}): Canvas2D {
  const { experiment: e, runs } = detail
  const width = opts.width ?? 1200
  const height = opts.height ?? 760
  if (!runs.length) {
    const r = e.result as Record<string, unknown> | null
    if (e.labId === 'paths-2d' && Array.isArray(r?.paths)) return pathsFigure(create, detail, width)
    if (e.labId === 'init-histograms' && Array.isArray(r?.cells)) return histogramsFigure(create, detail, width)
    return messageFigure(create, detail, width, height, 'This experiment has no runs to plot.')
  }
  const kind = chartKind(detail, opts.kind ?? 'auto')
  if (!kind) return messageFigure(create, detail, width, height, 'The runs have recorded no points yet.')
  if (kind === 'accuracy' && e.labId === 'batchnorm' && runs.length > 2 && runs.every((r) => typeof r.meta?.scaleIndex === 'number')) {
    return batchnormGrid(create, detail, width)
  }
  if (kind === 'accuracy' && e.labId === 'random-search' && searchTrials(detail).some((t) => t.v !== null)) {
    return searchFigure(create, detail, width, height)
  }
  if (kind === 'accuracy' && e.labId === 'overfit' && runs.some((r) => gapPoints(r.series.find((s) => s.series === 'trainAcc'), r.series.find((s) => s.series === 'testAcc')).steps.length)) {
    return overfitFigure(create, detail, width, height)
  }
  const canvas = blank(create, width, height)
  drawChart(create, canvas, 0, 0, width, height - FOOTER_H, lineFigure(detail, kind, width, opts))
  drawFooter(canvas, detail)
  return canvas
}

function chartKind(detail: ExperimentDetail, want: 'auto' | 'loss' | 'accuracy'): 'loss' | 'accuracy' | null {
  const points = (name: string) => Math.max(0, ...detail.runs.map((r) => r.series.find((s) => s.series === name)?.values.length ?? 0))
  const loss = points('loss')
  const acc = Math.max(points('trainAcc'), points('testAcc'), points('valAcc'))
  if (want !== 'auto') return (want === 'loss' ? loss : acc) > 0 ? want : loss || acc ? (loss ? 'loss' : 'accuracy') : null
  if (acc > 0 && (ACCURACY_LABS.has(detail.experiment.labId) || loss < 20)) return 'accuracy'
  return loss > 0 ? 'loss' : acc > 0 ? 'accuracy' : null
}

