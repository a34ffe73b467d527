/**
 * An experiment as a PNG file, for the CLI's export: the figures' drawing (src/figures, the
 * app's own figure code) on a Skia canvas, with Title, Software, Source, Creation Time and a JSON
 * Comment (lab, seed, settings, run ids) as UTF-8 iTXt metadata.
 */
import { renderExperimentFigure, type FigureOptions } from '../../figures/experiment'
import { addPngText } from '../../figures/pngText'
import type { ExperimentDetail } from '../../shared/records'
import { encodePng, nodeCanvas } from './canvas'

export type { FigureOptions as ChartOptions }

/** The experiment's figure as a PNG with its metadata. */
export function renderExperimentPng(detail: ExperimentDetail, opts: FigureOptions = {}): Buffer {
  const png = encodePng(renderExperimentFigure(nodeCanvas, detail, opts))
  return Buffer.from(addPngText(png, pngMetadata(detail)))
}

/** PNG text metadata: Title, Software, Source, Creation Time, and a JSON Comment a script can read back. */
export function pngMetadata(detail: ExperimentDetail): Record<string, string> {
  const e = detail.experiment
  const comment = { experimentId: e.id, labId: e.labId, name: e.name, seed: e.seed, params: e.params, runIds: detail.runs.map((r) => r.id) }
  return {
    Title: e.name,
    Software: 'Gradient Lab',
    Source: `Gradient Lab experiment ${e.id} (lab ${e.labId})`,
    'Creation Time': e.createdAt,
    Comment: JSON.stringify(comment),
  }
}
