/** The points a figure draws from a run: a series by name, x in iterations or epochs, smoothing, thinning. */
import { smoothCurve } from '../engine/smoothing'
import type { RunWithSeries } from '../shared/records'

export interface XY {
  xs: number[]
  ys: number[]
}

/** Iterations per epoch of a finished epoch-budget run (from its final metrics), else null. */
export function iterationsPerEpoch(run: RunWithSeries): number | null {
  const f = run.final
  if (run.spec?.budget?.unit !== 'epochs' || !f || !(f.epochs > 0) || !(f.iterations > 0)) return null
  return f.iterations / f.epochs
}

/** The x unit of a figure: epochs when every run counts its budget in epochs and we know how long one is. */
export function xUnit(runs: RunWithSeries[]): 'epoch' | 'iteration' {
  return runs.length > 0 && runs.every((r) => iterationsPerEpoch(r) !== null) ? 'epoch' : 'iteration'
}

/** A series of a run (empty when absent), x converted to `unit`, optionally smoothed the book's way. */
export function seriesXY(run: RunWithSeries, name: string, unit: 'epoch' | 'iteration', smoothWindow?: number): XY {
  const s = run.series.find((x) => x.series === name)
  if (!s) return { xs: [], ys: [] }
  const n = Math.min(s.steps.length, s.values.length)
  const ipe = unit === 'epoch' ? iterationsPerEpoch(run) ?? 1 : 1
  const xs = s.steps.slice(0, n).map((v) => v / ipe)
  let ys = s.values.slice(0, n)
  if (smoothWindow && smoothWindow > 1 && n > 2) ys = smoothFinite(ys, smoothWindow)
  return { xs, ys }
}

/** smoothCurve on each finite stretch (a NaN from a diverged run stays a gap, not a poisoned window). */
function smoothFinite(ys: number[], window: number): number[] {
  const out = ys.slice()
  let i = 0
  while (i < ys.length) {
    if (!Number.isFinite(ys[i])) {
      i++
      continue
    }
    let j = i
    while (j < ys.length && Number.isFinite(ys[j])) j++
    const sm = smoothCurve(ys.slice(i, j), { window })
    for (let k = i; k < j; k++) out[k] = sm[k - i]
    i = j
  }
  return out
}

/** At most `max` points: consecutive points are averaged in equal buckets (gaps kept as gaps). */
export function thin({ xs, ys }: XY, max: number): XY {
  const n = xs.length
  if (n <= max || max < 2) return { xs, ys }
  const out: XY = { xs: [], ys: [] }
  const per = n / max
  for (let b = 0; b < max; b++) {
    const lo = Math.floor(b * per)
    const hi = Math.max(lo + 1, Math.floor((b + 1) * per))
    let sx = 0
    let sy = 0
    let k = 0
    for (let i = lo; i < hi && i < n; i++) {
      if (!Number.isFinite(ys[i])) continue
      sx += xs[i]
      sy += ys[i]
      k++
    }
    out.xs.push(k ? sx / k : xs[lo])
    out.ys.push(k ? sy / k : NaN)
  }
  return out
}

/** The last finite value of a series, or null. */
export function lastValue(run: RunWithSeries, name: string): number | null {
  const s = run.series.find((x) => x.series === name)
  if (!s) return null
  for (let i = s.values.length - 1; i >= 0; i--) if (Number.isFinite(s.values[i])) return s.values[i]
  return null
}

/** Finite minimum and maximum of many value lists (null when none). */
export function extent(lists: ArrayLike<number>[]): [number, number] | null {
  let lo = Infinity
  let hi = -Infinity
  for (const l of lists) for (let i = 0; i < l.length; i++) if (Number.isFinite(l[i])) (lo = Math.min(lo, l[i])), (hi = Math.max(hi, l[i]))
  return lo <= hi ? [lo, hi] : null
}

export interface Points {
  steps: number[]
  values: number[]
}

/** Train − test accuracy at every step where both were measured (lab 6's gap). */
export function gapPoints(train: Points | undefined, test: Points | undefined): Points {
  const out: Points = { steps: [], values: [] }
  if (!train || !test) return out
  const testAt = new Map(test.steps.map((s, i) => [s, test.values[i]!]))
  train.steps.forEach((s, i) => {
    const v = testAt.get(s)
    if (v !== undefined) {
      out.steps.push(s)
      out.values.push(train.values[i]! - v)
    }
  })
  return out
}
