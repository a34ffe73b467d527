/**
 * Chart.js, registered once with only what the figures draw, the same defaults in the renderer
 * and in Node (the shipped font, calm colours, no animation), and the plugin that paints an
 * opaque white background, so that exported PNGs are not transparent.
 */
import { Chart, Legend, LineController, LineElement, LinearScale, PointElement, SubTitle, Title, Tooltip, type Plugin } from 'chart.js'
import { FIGURE_FONT } from './canvas'

export const opaqueBackground: Plugin = {
  id: 'opaqueBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart
    ctx.save()
    ctx.globalCompositeOperation = 'destination-over'
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(0, 0, width, height)
    ctx.restore()
  },
}

export const TEXT_COLOR = '#3b4252'
export const GRID_COLOR = '#e4e7ec'

let registered = false

export function setupCharts(): typeof Chart {
  if (registered) return Chart
  registered = true
  Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Title, SubTitle, Tooltip, opaqueBackground)
  Chart.defaults.font.family = FIGURE_FONT
  Chart.defaults.font.size = 12
  Chart.defaults.color = TEXT_COLOR
  Chart.defaults.borderColor = GRID_COLOR
  Chart.defaults.animation = false
  return Chart
}
