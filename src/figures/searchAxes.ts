/** Axes of the search plots: a searched range on a logarithmic or linear Chart.js axis, with readable ticks (10⁻³, 2×10⁻³ …). */
import type { ScaleOptions } from 'chart.js'
import type { SearchRange } from '../labs/random-search/search-space'

const SUP: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' }
const sup = (n: number) => String(n).replace(/./g, (c) => SUP[c] ?? c)

/** 0.001 → "10⁻³", 0.002 → "2×10⁻³" (when `mantissas` lets 2 through), others → ''. */
export function logTickLabel(v: number, mantissas: readonly number[]): string {
  if (!(v > 0)) return ''
  const e = Math.floor(Math.log10(v) + 1e-9)
  const m = Math.round((v / 10 ** e) * 10) / 10
  if (m === 1) return e === 0 ? '1' : e === 1 ? '10' : `10${sup(e)}`
  return mantissas.includes(m) ? `${m}×10${sup(e)}` : ''
}

/** A Chart.js axis over a searched range (fixed to the range), or over accuracy 0–1 when `r` is null. */
export function searchAxis(r: SearchRange | null, title: string): ScaleOptions<'linear' | 'logarithmic'> {
  // reverse/offset stated: chartjs-chart-matrix would otherwise flip y and pad x for its cells.
  const base = { title: { display: true, text: title }, grid: { color: '#eceef2' }, reverse: false, offset: false }
  if (!r) return { ...base, type: 'linear', min: 0, max: 1 } as ScaleOptions<'linear'>
  if (r.scale === 'linear') return { ...base, type: 'linear', min: r.min, max: r.max, ticks: { maxTicksLimit: 8 } } as ScaleOptions<'linear'>
  const decades = Math.log10(r.max / r.min)
  const mantissas = decades <= 0.7 ? [2, 3, 4, 5, 6, 7, 8, 9] : decades <= 2 ? [2, 5] : []
  return {
    ...base,
    type: 'logarithmic',
    min: r.min,
    max: r.max,
    ticks: { autoSkip: false, maxRotation: 0, callback: (v: number | string) => logTickLabel(Number(v), mantissas) },
  } as ScaleOptions<'logarithmic'>
}
