/** Parsers for CLI `--set key=value` values; each error names the key. */
import type { CliKey, KeySetter } from './types'

export class ParamError extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(`${key}: ${message}`)
    this.name = 'ParamError'
  }
}

export function parseNumber(key: string, raw: string, opts: { int?: boolean; min?: number; positive?: boolean } = {}): number {
  const v = raw.trim() === '' ? Number.NaN : Number(raw)
  if (!Number.isFinite(v)) throw new ParamError(key, `'${raw}' is not a number`)
  if (opts.int && !Number.isInteger(v)) throw new ParamError(key, `'${raw}' is not a whole number`)
  if (opts.positive && v <= 0) throw new ParamError(key, `must be > 0 (got ${raw})`)
  if (opts.min !== undefined && v < opts.min) throw new ParamError(key, `must be ≥ ${opts.min} (got ${raw})`)
  return v
}

export function parseList(key: string, raw: string): string[] {
  const items = raw.split(',').map((s) => s.trim()).filter((s) => s !== '')
  if (items.length === 0) throw new ParamError(key, 'expects a comma-separated list')
  return items
}

export const intKey = (key: string, help: string, opts: { min?: number } = {}): CliKey => ({
  key,
  help,
  set: (p, v) => {
    p[key] = parseNumber(key, v, { int: true, positive: opts.min === undefined, min: opts.min })
  },
})

export const numberKey = (key: string, help: string, opts: { positive?: boolean; min?: number } = {}): CliKey => ({
  key,
  help,
  set: (p, v) => {
    p[key] = parseNumber(key, v, opts)
  },
})

export const widthsKey = (key = 'hidden'): CliKey => ({
  key,
  help: 'hidden layer widths, comma-separated (e.g. 100,100,100,100)',
  set: ((p, v) => {
    p[key] = parseList(key, v).map((w) => parseNumber(key, w, { int: true, positive: true }))
  }) satisfies KeySetter,
})

export const enumKey = (key: string, help: string, allowed: readonly string[]): CliKey => ({
  key,
  help: `${help} (${allowed.join(' | ')})`,
  set: (p, v) => {
    if (!allowed.includes(v)) throw new ParamError(key, `'${v}' is not one of ${allowed.join(', ')}`)
    p[key] = v
  },
})

export const boolKey = (key: string, help: string): CliKey => ({
  key,
  help: `${help} (true | false)`,
  set: (p, v) => {
    if (v !== 'true' && v !== 'false') throw new ParamError(key, `'${v}' is not true or false`)
    p[key] = v === 'true'
  },
})

/** Finds the setter for a key, matching patterns such as 'lr.*'. */
export function findKey(keys: CliKey[], key: string): CliKey | undefined {
  return keys.find((k) => (k.key.endsWith('*') ? key.startsWith(k.key.slice(0, -1)) && key.length > k.key.length - 1 : k.key === key))
}
