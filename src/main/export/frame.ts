/** The frame every exported figure shares: title, subtitle, a footer naming the experiment, and the PNG metadata. */
import type { ExperimentDetail } from '../../shared/records'
import { INK, MUTED } from './plot'
import { Canvas } from './raster'

export const TITLE_SCALE = 3

/** `text` cut with '...' to fit `maxWidth` pixels at `scale`. */
export function fit(text: string, maxWidth: number, scale = 2, bold = false): string {
  if (Canvas.measure(text, scale, bold) <= maxWidth) return text
  const chars = [...text]
  while (chars.length > 1 && Canvas.measure(chars.join('') + '...', scale, bold) > maxWidth) chars.pop()
  return chars.join('') + '...'
}

/** The y below a header drawn by drawHeader. */
export const headerHeight = (subtitle: boolean) => 18 + 7 * TITLE_SCALE + 12 + (subtitle ? 26 : 0) + 4

/** Title (the experiment's name) and a subtitle, centred; returns the y below them. */
export function drawHeader(c: Canvas, title: string, subtitle?: string): number {
  let y = 18
  c.text(fit(title, c.width - 40, TITLE_SCALE, true), c.width / 2, y, INK, { scale: TITLE_SCALE, align: 'center', bold: true })
  y += 7 * TITLE_SCALE + 12
  if (subtitle) {
    c.text(fit(subtitle, c.width - 40), c.width / 2, y, MUTED, { scale: 2, align: 'center' })
    y += 14 + 12
  }
  return y + 4
}

/** Height the footer takes at the bottom of the figure. */
export const FOOTER_H = 26

/** "Gradient Lab · experiment 12 · optimizers-mnist · seed 1" in small grey letters, bottom left. */
export function drawFooter(c: Canvas, detail: ExperimentDetail): void {
  const e = detail.experiment
  const runs = detail.runs.length ? ` · ${detail.runs.length} run${detail.runs.length === 1 ? '' : 's'}` : ''
  c.text(fit(`Gradient Lab · experiment ${e.id} · ${e.labId} · seed ${e.seed}${runs}`, c.width - 24), 12, c.height - 20, MUTED, { scale: 2 })
}

/** A figure that only says why there is nothing to plot. */
export function messageFigure(detail: ExperimentDetail, width: number, height: number, message: string): Canvas {
  const c = new Canvas(width, height)
  const y = drawHeader(c, detail.experiment.name)
  c.text(fit(message, width - 40), width / 2, (y + height - FOOTER_H) / 2 - 7, MUTED, { align: 'center' })
  drawFooter(c, detail)
  return c
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
