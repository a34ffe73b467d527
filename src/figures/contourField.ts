/**
 * The contour lines of a 2-D function over its plotting domain, with d3-contour (marching squares
 * on a sampled grid), in data coordinates. Levels: the lesson's x²/20 + y² shows 0.5 … 7 like the
 * book (which hides levels above 7); the saddle gets evenly spaced levels around 0; the others get
 * log-spaced levels above their minimum, so the narrow valleys (Rosenbrock, Beale) show.
 */
import { contours } from 'd3-contour'
import type { Function2D, Function2DId, Point2 } from '../engine/functions2d'

export interface ContourBand {
  /** The region where f ≥ value, as polygons of rings (the first ring outside, the rest holes). */
  value: number
  polygons: Point2[][][]
}

export interface ContourField {
  fnId: Function2DId
  domain: { x: Point2; y: Point2 }
  levels: number[]
  bands: ContourBand[]
  /** Levels below and above 0 are coloured apart (the saddle). */
  diverging: boolean
  minima: readonly Point2[]
  saddles: readonly Point2[]
}

const GRID = 240
const LESSON_LEVELS = [0.5, 1, 2, 3, 4, 5, 6, 7]
const LOG_LEVELS = 14

function roundTo2(v: number): number {
  if (v === 0) return 0
  const p = 10 ** (Math.floor(Math.log10(Math.abs(v))) - 1)
  return Math.round(v / p) * p
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(q * (sorted.length - 1))))]!
}

/** The levels for a function, from its values on the grid. */
export function contourLevels(fnId: Function2DId, values: number[]): number[] {
  if (fnId === 'lesson') return LESSON_LEVELS
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b)
  const min = sorted[0] ?? 0
  if (fnId === 'saddle') {
    const top = Math.max(Math.abs(min), Math.abs(sorted[sorted.length - 1] ?? 1))
    const step = top / 8
    return Array.from({ length: 15 }, (_, i) => roundTo2((i - 7) * step))
  }
  // Log-spaced between the 0.2 % and 90 % quantiles of f − min.
  const lo = Math.max(quantile(sorted, 0.002) - min, 1e-6)
  const hi = Math.max(quantile(sorted, 0.9) - min, lo * 10)
  const levels = Array.from({ length: LOG_LEVELS }, (_, i) => min + roundTo2(lo * (hi / lo) ** (i / (LOG_LEVELS - 1))))
  return [...new Set(levels)].sort((a, b) => a - b)
}

function computeField(fn: Function2D): ContourField {
  const [x0, x1] = fn.domain.x
  const [y0, y1] = fn.domain.y
  const aspect = (y1 - y0) / (x1 - x0)
  const nx = aspect <= 1 ? GRID : Math.round(GRID / aspect)
  const ny = aspect <= 1 ? Math.round(GRID * aspect) : GRID
  const sx = (x1 - x0) / nx
  const sy = (y1 - y0) / ny
  // d3-contour puts value i at the centre of grid cell i, i.e. at grid coordinate i + 0.5.
  const values = new Array<number>(nx * ny)
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) values[j * nx + i] = fn.f(x0 + (i + 0.5) * sx, y0 + (j + 0.5) * sy)
  const levels = contourLevels(fn.id, values)
  const toData = ([gx, gy]: number[]): Point2 => [x0 + gx! * sx, y0 + gy! * sy]
  const bands = contours()
    .size([nx, ny])
    .thresholds(levels)(values)
    .map((mp) => ({ value: mp.value, polygons: mp.coordinates.map((poly) => poly.map((ring) => ring.map(toData))) }))
  return { fnId: fn.id, domain: fn.domain, levels, bands, diverging: fn.id === 'saddle', minima: fn.minima, saddles: fn.saddles }
}

const cache = new Map<Function2DId, ContourField>()

/** Contours of a function, computed once per function (they never change). */
export function contourField(fn: Function2D): ContourField {
  let field = cache.get(fn.id)
  if (!field) {
    field = computeField(fn)
    cache.set(fn.id, field)
  }
  return field
}
