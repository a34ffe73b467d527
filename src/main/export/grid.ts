/** Small multiples: lab 3's activation histograms (a row per init × activation) and the book's batch-norm grid. */
import type { ExperimentDetail } from '../../shared/records'
import { FOOTER_H, drawFooter, drawHeader, fit, headerHeight } from './frame'
import { AXIS, Axes, INK, MUTED, drawLegend, snapUp } from './plot'
import { Canvas, rgb } from './raster'
import { BN_COLORS } from './style'
import { extent, seriesXY, xUnit } from './series'

interface Cell {
  initLabel?: string
  activation?: string
  layers: { edges: number[]; counts: number[]; outside?: number; dead?: number }[]
}

const short = (v: number) => (v !== 0 && Math.abs(v) < 0.01 ? v.toExponential(1).replace(/e([+-])0*(\d)/, 'e$1$2') : String(Number(v.toPrecision(2))))
const BAR = rgb('#1f77b4')

/** Lab 3: one row per (init, activation), one histogram per layer, each scaled to its own tallest bin. */
export function renderHistograms(detail: ExperimentDetail, size: { width: number; height?: number }): Canvas {
  const cells = ((detail.experiment.result as { cells: Cell[] }).cells ?? []).filter((cl) => cl && Array.isArray(cl.layers))
  const layers = Math.max(1, ...cells.map((cl) => cl.layers.length))
  const top = headerHeight(true) + 26
  const rowH = size.height ? Math.max(50, Math.floor((size.height - top - FOOTER_H - 10) / Math.max(1, cells.length))) : 104
  const c = new Canvas(size.width, size.height ?? top + rowH * Math.max(1, cells.length) + FOOTER_H + 10)
  const bins = cells[0]?.layers[0]?.counts.length ?? 0
  drawHeader(c, detail.experiment.name, `Activations per layer (histograms, ${bins} bins) for each initial weights x activation`)
  const labelW = 210
  const pw = (size.width - labelW - 16) / layers
  for (let j = 0; j < layers; j++) c.text(`Layer ${j + 1}`, labelW + j * pw + pw / 2, top - 22, INK, { align: 'center' })
  cells.forEach((cell, i) => {
    const y0 = top + i * rowH
    c.text(fit(cell.initLabel ?? '?', labelW - 20, 2, true), 16, y0 + rowH / 2 - 20, INK, { bold: true })
    c.text(fit(cell.activation ?? '', labelW - 20), 16, y0 + rowH / 2 + 2, MUTED)
    cell.layers.forEach((h, j) => {
      const x = labelW + j * pw + 8
      const w = pw - 16
      const ph = rowH - 34
      // ReLU's exact zeros (dead units) would flatten every other bar: they are taken out of the
      // first bin and given as a share instead.
      const total = h.counts.reduce((a, b) => a + b, 0) + (h.outside ?? 0)
      const zeros = cell.activation === 'relu' && h.dead ? Math.min(h.counts[0] ?? 0, Math.round(h.dead * total)) : 0
      const counts = zeros ? [h.counts[0] - zeros, ...h.counts.slice(1)] : h.counts
      const max = Math.max(1, ...counts)
      const lo = h.edges[0] ?? 0
      const hi = h.edges[h.edges.length - 1] ?? 1
      const px = (v: number) => x + ((v - lo) / (hi - lo || 1)) * w
      counts.forEach((n, b) => {
        const bx = px(h.edges[b] ?? lo)
        const bw = Math.max(1, px(h.edges[b + 1] ?? hi) - bx - (w / h.counts.length >= 4 ? 1 : 0))
        const bh = (n / max) * ph
        c.fillRect(bx, y0 + 6 + ph - bh, bw, bh, BAR)
      })
      c.fillRect(x, y0 + 6 + ph, w, 1, AXIS)
      c.text(short(lo), x, y0 + ph + 12, MUTED)
      c.text(short(hi), x + w, y0 + ph + 12, MUTED, { align: 'right' })
      if (zeros) c.text(`zeros ${Math.round((100 * zeros) / total)}%`, x + w / 2, y0 + ph + 12, INK, { align: 'center' })
    })
    if (i < cells.length - 1) c.fillRect(12, y0 + rowH - 2, size.width - 24, 1, rgb('#eeeeee'))
  })
  drawFooter(c, detail)
  return c
}

/** Lab 5, as the book draws it: a panel per weight scale, train accuracy with BN (solid) and without (dashed). */
export function renderBatchnormGrid(detail: ExperimentDetail, size: { width: number; height?: number }): Canvas {
  const { runs } = detail
  const groups = new Map<number, { scale: number; bn?: (typeof runs)[number]; plain?: (typeof runs)[number] }>()
  for (const r of runs) {
    const k = r.meta.scaleIndex as number
    const init = r.spec.network.init
    const g = groups.get(k) ?? { scale: typeof r.meta.scale === 'number' ? r.meta.scale : init.kind === 'std' ? init.std : NaN }
    if (r.meta.batchNorm) g.bn = r
    else g.plain = r
    groups.set(k, g)
  }
  const panels = [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g)
  const cols = Math.min(4, panels.length)
  const rows = Math.ceil(panels.length / cols)
  const top = headerHeight(true) + 30
  const panelH = size.height ? Math.max(80, Math.floor((size.height - top - FOOTER_H - 10) / rows)) : 190
  const c = new Canvas(size.width, size.height ?? top + rows * panelH + FOOTER_H + 10)
  const unit = xUnit(runs)
  drawHeader(c, detail.experiment.name, `Train accuracy per ${unit}, one panel per initial weight scale W (std)`)
  drawLegend(
    c,
    [
      { label: 'Batch Normalization', color: rgb(BN_COLORS.bn) },
      { label: 'Normal (without BatchNorm)', color: rgb(BN_COLORS.noBn), dash: [6, 4] },
    ],
    40, top - 30, size.width - 80,
  )
  const data = panels.map((g) => ({ bn: g.bn && seriesXY(g.bn, 'trainAcc', unit), plain: g.plain && seriesXY(g.plain, 'trainAcc', unit) }))
  const xmax = extent(data.flatMap((d) => [d.bn?.xs ?? [], d.plain?.xs ?? []]))?.[1] ?? 1
  const xr: [number, number] = [0, xmax > 0 ? snapUp(xmax, 4) : 1]
  const pw = (size.width - 24) / cols
  panels.forEach((g, i) => {
    const x = 12 + (i % cols) * pw
    const y = top + Math.floor(i / cols) * panelH
    const status = [g.bn, g.plain].some((r) => r && r.status !== 'finished') ? ' (not finished)' : ''
    c.text(`W: ${Number(g.scale.toPrecision(3))}${status}`, x + pw / 2 + 16, y + 4, INK, { align: 'center', bold: true })
    const axes = new Axes(c, { x, y: y + 20, w: pw - 12, h: panelH - 24 }, xr, [0, 1], { xTarget: 4, yTarget: 2 })
    axes.draw()
    const d = data[i]
    if (d.plain) axes.plot(d.plain.xs, d.plain.ys, rgb(BN_COLORS.noBn), { width: 2, dash: [6, 4] })
    if (d.bn) axes.plot(d.bn.xs, d.bn.ys, rgb(BN_COLORS.bn), { width: 2 })
  })
  drawFooter(c, detail)
  return c
}
