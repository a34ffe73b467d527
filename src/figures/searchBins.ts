/**
 * Lab 7's heatmap cells: an nx × ny grid over two searched ranges (equal steps in log10 space on a
 * log range), keeping only the cells trials fall in (nothing is interpolated), each with its
 * trials' best and mean validation accuracy. Node-safe: the app's heatmap and the CLI's figure
 * bin the same way.
 */
import type { SearchRange } from '../labs/random-search/search-space'

type Scale = SearchRange['scale']

const pos = (v: number, scale: Scale): number => (scale === 'log' ? Math.log10(v) : v)
const unpos = (p: number, scale: Scale): number => (scale === 'log' ? 10 ** p : p)

/** A trial placed on the plane: its two searched values and its validation accuracy. */
interface PlanePoint {
  x: number
  y: number
  v: number
}

export interface Bin {
  ix: number
  iy: number
  x0: number
  x1: number
  y0: number
  y1: number
  /** Indices into the points given to `binPoints`. */
  members: number[]
  best: number
  mean: number
}

/** How the app's heatmap bins by default, and the CLI's figure always: 8 × 8 cells showing the best trial. */
export const DEFAULT_BINS = 8

/** Bin edges: `n` equal steps over the range, in log10 space on a log range. */
function binEdges(r: Pick<SearchRange, 'min' | 'max' | 'scale'>, n: number): number[] {
  const [a, b] = [pos(r.min, r.scale), pos(r.max, r.scale)]
  return Array.from({ length: n + 1 }, (_, i) => unpos(a + ((b - a) * i) / n, r.scale))
}

/** The non-empty cells of an nx × ny grid over the two ranges, each with its trials' best and mean. */
export function binPoints(points: PlanePoint[], xr: SearchRange, yr: SearchRange, nx: number, ny: number): Bin[] {
  const xe = binEdges(xr, nx)
  const ye = binEdges(yr, ny)
  const index = (v: number, r: SearchRange, n: number) => {
    const [a, b] = [pos(r.min, r.scale), pos(r.max, r.scale)]
    return Math.min(n - 1, Math.max(0, Math.floor(((pos(v, r.scale) - a) / (b - a)) * n)))
  }
  const cells = new Map<number, Bin>()
  points.forEach((p, i) => {
    const ix = index(p.x, xr, nx)
    const iy = index(p.y, yr, ny)
    const key = iy * nx + ix
    let c = cells.get(key)
    if (!c) cells.set(key, (c = { ix, iy, x0: xe[ix]!, x1: xe[ix + 1]!, y0: ye[iy]!, y1: ye[iy + 1]!, members: [], best: -Infinity, mean: 0 }))
    c.members.push(i)
    c.best = Math.max(c.best, p.v)
  })
  for (const c of cells.values()) c.mean = c.members.reduce((s, i) => s + points[i]!.v, 0) / c.members.length
  return [...cells.values()]
}
