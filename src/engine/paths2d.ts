/**
 * Lab 1: an optimizer's path on a 2-D function, computed with the same optimizer classes as
 * the networks, on a float64 2-vector (the book's optimizer_compare_naive uses Python floats).
 */
import type { OptimizerSpec } from '../shared/schemas'
import type { Function2D, Point2 } from './functions2d'
import { createOptimizer, type OptimizerState } from './optimizers'

export interface PathStep {
  /** Gradient at the point before the update. */
  grad: Point2
  /** The optimizer's internal state after the update (v, h, m, v, t, lrT). */
  state: OptimizerState
}

export interface Path2D {
  /** points[0] = start, points[i] = after i updates. The book plots points[0..steps−1]. */
  points: Point2[]
  values: number[]
  steps: PathStep[]
  /**
   * True if the path ran away: it left the finite numbers (and stopped early) or went farther
   * from the plotted region than RUNAWAY_SPANS times its size (e.g. SGD η = 2 on x²/20 + y²
   * triples y every step and reaches f ≈ 1.7e29 while staying finite).
   */
  diverged: boolean
}

/** How many plot widths (or heights) beyond the plotted region a path may go before it counts as diverged. */
export const RUNAWAY_SPANS = 10

/** Whether a finite point is farther than RUNAWAY_SPANS plot sizes outside the function's plotted region. */
export function isRunaway(fn: Function2D, p: Point2): boolean {
  const out = (v: number, [lo, hi]: Point2) => v < lo - RUNAWAY_SPANS * (hi - lo) || v > hi + RUNAWAY_SPANS * (hi - lo)
  return out(p[0], fn.domain.x) || out(p[1], fn.domain.y)
}

export function runPath(fn: Function2D, spec: OptimizerSpec, start: Point2, steps: number): Path2D {
  if (!(Number.isInteger(steps) && steps >= 0)) throw new Error(`steps must be a whole number ≥ 0, got ${steps}`)
  if (!start.every(Number.isFinite)) throw new Error(`start must be two finite numbers, got ${start.join(', ')}`)
  const opt = createOptimizer(spec)
  const p = Float64Array.from(start)
  const g = new Float64Array(2)
  const points: Point2[] = [[p[0], p[1]]]
  const values = [fn.f(p[0], p[1])]
  const out: PathStep[] = []
  let runaway = false
  for (let i = 0; i < steps; i++) {
    const [gx, gy] = fn.grad(p[0], p[1])
    g[0] = gx
    g[1] = gy
    opt.update([p], [g])
    points.push([p[0], p[1]])
    values.push(fn.f(p[0], p[1]))
    out.push({ grad: [gx, gy], state: opt.inspect(0) })
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) return { points, values, steps: out, diverged: true }
    runaway ||= isRunaway(fn, [p[0], p[1]])
  }
  return { points, values, steps: out, diverged: runaway }
}
