/** Number, duration and date formatting for tables and progress, locale-aware. */

export function formatNumber(v: number | null | undefined, digits = 4): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—'
  return v.toFixed(digits)
}

export function formatPercent(v: number | null | undefined, locale: string): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—'
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v)
}

/** 850 ms → "0.9 s", 75 s → "1 min 15 s". */
export function formatDuration(ms: number | null | undefined, locale: string): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—'
  const ko = locale.startsWith('ko')
  const s = ms / 1000
  if (s < 10) return `${s.toFixed(1)}${ko ? '초' : ' s'}`
  if (s < 60) return `${Math.round(s)}${ko ? '초' : ' s'}`
  if (s >= 600) return ko ? `${Math.round(s / 60)}분` : `${Math.round(s / 60)} min`
  const whole = Math.round(s)
  const m = Math.floor(whole / 60)
  const rest = whole % 60
  return ko ? `${m}분 ${rest}초` : `${m} min ${rest} s`
}

export function formatDate(iso: string, locale: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d)
}

/** A file-name-safe slug, the same as the CLI's: "Optimizers on MNIST: sgd, adam" → "optimizers-on-mnist-sgd-adam". */
export { slug } from '@figures/slug'

/** Four significant digits, exponent form for very large or small numbers, a real minus sign. */
export function formatSig(v: number | null | undefined, digits = 4): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—'
  const a = Math.abs(v)
  const text = v === 0 ? '0' : a >= 1e5 || a < 1e-4 ? v.toExponential(digits - 2) : String(Number(v.toPrecision(digits)))
  return text.replaceAll('-', '−')
}
