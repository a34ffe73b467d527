/**
 * Presentation mode's hook into every Chart.js chart: a plugin registered once that, before each
 * update, sets the lines' widths and the fonts from the chart's own CSS variables
 * (`--chart-line-scale`, `--chart-font-scale`, 1 outside presentation mode, see styles/frame.css).
 * Each scaled value starts from the value it had before
 * the first scaling (kept per dataset and per chart), so updates never compound.
 */
import { Chart, type Plugin } from 'chart.js'

const baseWidth = new WeakMap<object, number>()
const baseFonts = new WeakMap<Chart, Map<string, number>>()

function scaleOf(chart: Chart, name: string): number {
  const v = Number.parseFloat(getComputedStyle(chart.canvas).getPropertyValue(name))
  return Number.isFinite(v) && v > 0 ? v : 1
}

type Fontish = { font?: { size?: number } | unknown }

function scaleFont(chart: Chart, key: string, holder: Fontish | undefined, fallback: number, k: number): void {
  if (!holder || typeof holder.font === 'function') return
  const fonts = baseFonts.get(chart) ?? new Map<string, number>()
  baseFonts.set(chart, fonts)
  const font = (holder.font && typeof holder.font === 'object' ? holder.font : (holder.font = {})) as { size?: number }
  if (!fonts.has(key)) fonts.set(key, typeof font.size === 'number' ? font.size : fallback)
  font.size = fonts.get(key)! * k
}

export const presentationPlugin: Plugin = {
  id: 'presentation',
  beforeUpdate(chart) {
    const lines = scaleOf(chart, '--chart-line-scale')
    const fonts = scaleOf(chart, '--chart-font-scale')
    // What was applied, on the canvas: for tests and the curious.
    chart.canvas.dataset.lineScale = String(lines)
    chart.canvas.dataset.fontScale = String(fonts)
    for (const ds of chart.data.datasets as { borderWidth?: number }[]) {
      if (!baseWidth.has(ds)) baseWidth.set(ds, typeof ds.borderWidth === 'number' ? ds.borderWidth : 1.6)
      ds.borderWidth = baseWidth.get(ds)! * lines
    }
    // The raw options, not the chart's resolver (writing through it could reach Chart.defaults).
    const o = chart.config.options as { plugins?: Record<string, Fontish & { labels?: Fontish }>; scales?: Record<string, Fontish & { ticks?: Fontish; title?: Fontish }> }
    const base = Chart.defaults.font.size ?? 12
    scaleFont(chart, 'title', o.plugins?.title, 14, fonts)
    scaleFont(chart, 'subtitle', o.plugins?.subtitle, base, fonts)
    scaleFont(chart, 'legend', o.plugins?.legend?.labels, base, fonts)
    for (const [id, scale] of Object.entries(o.scales ?? {})) {
      scaleFont(chart, `${id}.ticks`, scale.ticks, base, fonts)
      scaleFont(chart, `${id}.title`, scale.title, base, fonts)
    }
  },
}

let registered = false

/** Registers the plugin (once) and redraws every chart, e.g. after presentation mode changed. */
export function refreshChartsForPresentation(): void {
  if (!registered) Chart.register(presentationPlugin)
  registered = true
  for (const chart of Object.values(Chart.instances)) chart.update('none')
}
