/**
 * Canvas drawing of lab 3's histograms: a strip of small per-layer histograms (one grid cell, 15
 * of them on screen, cheap to draw) and one large histogram with axes. All layers of a cell share
 * one count scale, so a distribution that shrinks layer by layer shows it. For ReLU the bar at 0
 * (the zeros: about half of all outputs) is left out of the scale and drawn clipped, otherwise it
 * would flatten everything else; the dead fraction is reported beside it.
 */
import type { Activation } from '../shared/schemas'
import type { Context2D } from './canvas'
import { FLAG_COLORS, layerSummary, mainFlag, type LayerStats } from './histogramFlags'
import { countLabel, niceTicks, tickLabel, tickStep } from './ticks'

export interface HistLayer extends LayerStats {
  layer: number
  edges: number[]
  counts: number[]
}

export interface Box {
  x: number
  y: number
  w: number
  h: number
}

const BAR = '#3f72c4'
const BASE = '#9aa3b2'
const TEXT = '#3b4252'

/** The count scale shared by a cell's layers. */
export function sharedYMax(layers: readonly HistLayer[], activation: Activation): number {
  const skipZeroBin = activation === 'relu'
  let max = 0
  for (const l of layers) for (let i = skipZeroBin ? 1 : 0; i < l.counts.length; i++) max = Math.max(max, l.counts[i]!)
  if (max === 0) for (const l of layers) max = Math.max(max, ...l.counts)
  return Math.max(1, max * 1.05)
}

function bars(ctx: Context2D, b: Box, counts: readonly number[], yMax: number, notch: boolean): number[] {
  const bw = b.w / counts.length
  const clipped: number[] = []
  ctx.fillStyle = BAR
  counts.forEach((c, i) => {
    if (c <= 0) return
    const h = Math.max(0.8, (Math.min(c, yMax) / yMax) * b.h)
    ctx.fillRect(b.x + i * bw + (bw > 4 ? 0.5 : 0), b.y + b.h - h, Math.max(0.6, bw - (bw > 4 ? 1 : 0.2)), h)
    if (c > yMax) clipped.push(i)
  })
  if (notch) {
    // Two white slashes near the top of a clipped bar: it goes on beyond the scale.
    ctx.strokeStyle = '#ffffff'
    ctx.lineWidth = 1.2
    for (const i of clipped) {
      const x = b.x + i * bw
      ctx.beginPath()
      for (const dy of [5, 9]) {
        ctx.moveTo(x - 1, b.y + dy + 2)
        ctx.lineTo(x + bw + 1, b.y + dy - 2)
      }
      ctx.stroke()
    }
  }
  return clipped
}

/** One cell: the layers' histograms side by side, a flagged layer on a tinted background. */
export function drawHistogramStrip(ctx: Context2D, box: Box, layers: readonly HistLayer[], activation: Activation, gap = 6): void {
  const n = layers.length
  const w = (box.w - gap * (n - 1)) / n
  const yMax = sharedYMax(layers, activation)
  layers.forEach((layer, i) => {
    const b = { x: box.x + i * (w + gap), y: box.y, w, h: box.h }
    const flag = mainFlag(layerSummary(layer, activation).flags)
    if (flag) {
      ctx.fillStyle = FLAG_COLORS[flag].bg
      ctx.fillRect(b.x, b.y, b.w, b.h)
    }
    // A little room on both sides, so that a pile at 0 or 1 does not look like the box's edge.
    bars(ctx, { x: b.x + 2, y: b.y + 2, w: b.w - 4, h: b.h - 2 }, layer.counts, yMax, b.h > 30)
    ctx.fillStyle = BASE
    ctx.fillRect(b.x, b.y + b.h - 0.5, b.w, 1)
  })
}

/** A large histogram with its axes (value range and counts) and the layer as its title. */
export function drawHistogramLarge(ctx: Context2D, box: Box, layer: HistLayer, yMax: number, title: string, font: string): void {
  const m = { left: 38, right: 8, top: 20, bottom: 22 }
  const b = { x: box.x + m.left, y: box.y + m.top, w: box.w - m.left - m.right, h: box.h - m.top - m.bottom }
  ctx.fillStyle = TEXT
  ctx.font = `600 12px ${font}`
  ctx.textAlign = 'center'
  ctx.textBaseline = 'alphabetic'
  ctx.fillText(title, b.x + b.w / 2, box.y + 13)
  ctx.font = `10px ${font}`
  ctx.textAlign = 'right'
  ctx.textBaseline = 'middle'
  for (const v of niceTicks(0, yMax, 4)) {
    const y = b.y + b.h - (v / yMax) * b.h
    ctx.fillStyle = '#eef0f3'
    ctx.fillRect(b.x, y - 0.5, b.w, 1)
    ctx.fillStyle = TEXT
    ctx.fillText(countLabel(v), b.x - 4, y)
  }
  const clipped = bars(ctx, b, layer.counts, yMax, true)
  ctx.fillStyle = BASE
  ctx.fillRect(b.x, b.y + b.h - 0.5, b.w, 1)
  const lo = layer.edges[0]!
  const hi = layer.edges[layer.edges.length - 1]!
  const step = tickStep(lo, hi, 4)
  ctx.fillStyle = TEXT
  ctx.textAlign = 'center'
  ctx.textBaseline = 'top'
  for (const v of niceTicks(lo, hi, 4)) ctx.fillText(tickLabel(v, step), b.x + ((v - lo) / (hi - lo)) * b.w, b.y + b.h + 4)
  ctx.textBaseline = 'alphabetic'
  ctx.font = `600 10px ${font}`
  const bw = b.w / layer.counts.length
  for (const i of clipped) {
    ctx.textAlign = i === 0 ? 'left' : 'center'
    ctx.fillText(`↑${countLabel(layer.counts[i]!)}`, b.x + i * bw + (i === 0 ? 1 : bw / 2), b.y - 2)
  }
}
