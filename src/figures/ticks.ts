/**
 * Round axis ticks (1, 2, 5 × 10^k steps, d3-array's) and their labels, for the canvas-drawn
 * plots; the exported line charts leave their ticks to Chart.js like the app's.
 */
import { tickStep as d3TickStep, ticks as d3Ticks } from 'd3-array'

/** The round step for about `count` intervals over [lo, hi] (1 for an empty or broken range). */
export function tickStep(lo: number, hi: number, count: number): number {
  const step = Math.abs(d3TickStep(lo, hi, Math.max(1, count)))
  return step > 0 && Number.isFinite(step) ? step : 1
}

/** About `count` round values in [lo, hi] (both ends included when they are round). */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(Number.isFinite(lo) && Number.isFinite(hi))) return []
  return d3Ticks(lo, hi, Math.max(1, count)).map((v) => (v === 0 ? 0 : v))
}

/** A tick label without float noise, with a real minus sign: 0.30000000000000004 → "0.3", -2 → "−2". */
export function tickLabel(v: number, step: number): string {
  const digits = Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)))
  return v.toFixed(digits).replace('-', '−')
}

/** Compact counts for histogram axes: 1500 → "1.5k", 20000 → "20k". */
export function countLabel(n: number): string {
  if (n >= 1e6) return `${+(n / 1e6).toFixed(1)}M`
  if (n >= 1e3) return `${+(n / 1e3).toFixed(1)}k`
  return String(Math.round(n))
}
