/**
 * How a line is told apart without colour (issue 11): each run has a marker, drawn every N points
 * as the book's plots do (`markevery`), and each kind of curve a dash: train or loss solid, test
 * dashed, validation dotted. One function makes the Chart.js dataset style for the app's charts and
 * the CLI's figures alike. Marker positions are stable while a live curve grows: N follows the
 * planned x range, not the points received so far, and each run starts at its own phase, so the
 * markers of curves lying on top of each other do not hide one another.
 */
import type { ChartDataset, PointStyle } from 'chart.js'

export type Marker = Extract<PointStyle, 'circle' | 'crossRot' | 'rect' | 'rectRot' | 'triangle' | 'star' | 'cross' | 'rectRounded'>

/** What kind of curve a line is; its dash says so. */
export type CurveKind = 'main' | 'train' | 'test' | 'val'
export const CURVE_DASH: Record<CurveKind, number[]> = { main: [], train: [], test: [6, 4], val: [2, 3] }

/** About this many markers along a whole planned curve (the book: markevery=100 over 2000 iterations). */
export const MARKS_PER_CURVE = 16
const MARKS_COMPACT = 8

export interface StyledLine {
  color: string
  x: readonly number[]
  marker?: Marker
  /** Which of the N phases this line's markers start at (e.g. its run's ordinal). */
  markerPhase?: number
  kind?: CurveKind
  /** An explicit dash pattern, instead of the kind's. */
  dash?: number[]
  width?: number
}

/** Every how many points a marker stands, so that about `marks` fit in the planned range [x0, xEnd]. */
export function markEvery(x: readonly number[], xEnd: number | null | undefined, marks: number): number {
  const n = x.length
  if (n < 2) return 1
  const covered = x[n - 1]! - x[0]!
  const planned = xEnd != null && xEnd > x[0]! && covered > 0 ? Math.max(n, Math.round(((n - 1) * (xEnd - x[0]!)) / covered) + 1) : n
  return Math.max(1, Math.round(planned / marks))
}

/** The radius of each point: a marker every N points (phase-shifted), nothing in between. */
export function markerRadii(line: StyledLine, xEnd: number | null | undefined, compact: boolean): number[] {
  const every = markEvery(line.x, xEnd, compact ? MARKS_COMPACT : MARKS_PER_CURVE)
  const phase = every > 1 ? Math.floor(((line.markerPhase ?? 0) % 4) * (every / 4)) : 0
  const r = compact ? 2.2 : 4
  return line.x.map((_, i) => (i % every === phase ? r : 0))
}

/** The Chart.js style of one line: colour, dash, width and its markers. */
export function lineStyle(line: StyledLine, xEnd: number | null | undefined, compact: boolean): Partial<ChartDataset<'line'>> {
  const dash = line.dash ?? CURVE_DASH[line.kind ?? 'main']
  const base = { borderColor: line.color, backgroundColor: line.color, borderWidth: line.width ?? 1.6, borderDash: dash, pointHoverRadius: 4 }
  if (!line.marker) return { ...base, pointRadius: line.x.length < 40 ? (compact ? 1.5 : 2.5) : 0 }
  return { ...base, pointStyle: line.marker, pointRadius: markerRadii(line, xEnd, compact), pointBorderWidth: line.marker === 'crossRot' || line.marker === 'cross' ? 2 : 1.2, pointBorderColor: line.color, pointBackgroundColor: line.color }
}
