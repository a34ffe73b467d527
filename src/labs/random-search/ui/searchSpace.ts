/**
 * The searched hyperparameters as the search views use them: positions on log or linear axes,
 * 2-D bins of trials (binPoints, shared with the CLI's figure in @figures/searchBins), a dragged
 * rectangle turned into narrowed ranges, and the numbers written in scientific notation.
 */
import { SEARCHABLE, type SearchParam, type SearchRange } from '@renderer/lib/contract'

const isIntParam = (param: SearchParam): boolean => (SEARCHABLE[param] as { int?: boolean }).int === true

/** 0.0031623 → "3.16e−3"; integers (widths, batch sizes) stay whole. */
export function formatSci(v: number | null | undefined, param?: SearchParam): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—'
  if (param && isIntParam(param)) return String(Math.round(v))
  if (v === 0) return '0'
  const [m, e] = v.toExponential(2).split('e')
  return `${m}e${Number(e)}`.replace(/-/g, '−')
}

/** A range's end, short: 0.0031 → "3.1e−3", 0.01 → "1e−2" on a log range; 0.25 → "0.25" on a linear one. */
export function formatEnd(v: number, r: Pick<SearchRange, 'param' | 'scale'>): string {
  if (isIntParam(r.param)) return String(Math.round(v))
  if (r.scale === 'linear' || v === 0) return String(Number(v.toPrecision(3))).replace(/-/g, '−')
  const e = Math.floor(Math.log10(Math.abs(v)) + 1e-9)
  return `${Number((v / 10 ** e).toPrecision(3))}e${e}`.replace(/-/g, '−')
}

export { binPoints, type Bin } from '@figures/searchBins'

/** Rounds down (dir −1) or up (dir 1) to two significant digits. */
function roundSig(v: number, dir: -1 | 1): number {
  if (v === 0) return 0
  const step = 10 ** (Math.floor(Math.log10(Math.abs(v))) - 1)
  const r = (dir < 0 ? Math.floor(v / step + 1e-9) : Math.ceil(v / step - 1e-9)) * step
  return Number(r.toPrecision(2))
}

/**
 * The part [lo, hi] of a searched range that a selection covers, rounded outwards to round
 * numbers (two significant digits; whole numbers for integer hyperparameters) and kept inside the
 * range. Null when the selection is too thin to search.
 */
export function narrowRange(r: SearchRange, lo: number, hi: number): SearchRange | null {
  let a = Math.max(r.min, Math.min(lo, hi))
  let b = Math.min(r.max, Math.max(lo, hi))
  if (!(b > a)) return null
  if (isIntParam(r.param)) {
    a = Math.floor(a)
    b = Math.ceil(b)
  } else if (r.scale === 'log') {
    a = roundSig(a, -1)
    b = roundSig(b, 1)
  } else {
    const step = 10 ** (Math.floor(Math.log10(b - a)) - 1)
    a = Number((Math.floor(a / step + 1e-9) * step).toPrecision(6))
    b = Number((Math.ceil(b / step - 1e-9) * step).toPrecision(6))
  }
  a = Math.max(r.min, a)
  b = Math.min(r.max, b)
  return b > a ? { ...r, min: a, max: b } : null
}

/** Whether a value lies inside a range (inclusive). */
export const inRange = (v: number, r: Pick<SearchRange, 'min' | 'max'>): boolean => v >= r.min && v <= r.max
