/**
 * Chart.js, registered once with only what the app draws, app-wide defaults (system font, calm
 * colours, no animation) and the plugin that paints an opaque white background, so that exported
 * PNGs are not transparent.
 */
import {
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Title,
  Tooltip,
  type Plugin,
} from 'chart.js'

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

let registered = false

export function setupCharts(): typeof Chart {
  if (registered) return Chart
  registered = true
  Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Title, Tooltip, opaqueBackground)
  Chart.defaults.font.family = getComputedStyle(document.documentElement).getPropertyValue('--font-sans').trim() || 'system-ui, sans-serif'
  Chart.defaults.font.size = 12
  Chart.defaults.color = '#3b4252'
  Chart.defaults.borderColor = '#e4e7ec'
  Chart.defaults.animation = false
  return Chart
}
