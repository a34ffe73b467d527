/**
 * Parsers for `key=value` settings, each error naming the key: the CLI's `--set` and the app's
 * lesson links (`/labs/<id>?iterations=700&optimizers=sgd,adam`) use the same keys and the same
 * code (`setKeys`, `applyLinkKeys`), and `showKeys` writes a lab's parameters back as such pairs.
 */
import type { z } from 'zod'
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

/** The pair of a key named like its parameter, none while the parameter is unset. */
export const showPlain =
  (key: string) =>
  (p: Record<string, unknown>): [string, string][] =>
    p[key] === undefined ? [] : [[key, Array.isArray(p[key]) ? (p[key] as unknown[]).join(',') : String(p[key])]]

export const intKey = (key: string, help: string, opts: { min?: number } = {}): CliKey => ({
  key,
  help,
  show: showPlain(key),
  set: (p, v) => {
    p[key] = parseNumber(key, v, { int: true, positive: opts.min === undefined, min: opts.min })
  },
})

export const numberKey = (key: string, help: string, opts: { positive?: boolean; min?: number } = {}): CliKey => ({
  key,
  help,
  show: showPlain(key),
  set: (p, v) => {
    p[key] = parseNumber(key, v, opts)
  },
})

export const widthsKey = (key = 'hidden'): CliKey => ({
  key,
  show: showPlain(key),
  help: 'hidden layer widths, comma-separated (e.g. 100,100,100,100)',
  set: ((p, v) => {
    p[key] = parseList(key, v).map((w) => parseNumber(key, w, { int: true, positive: true }))
  }) satisfies KeySetter,
})

export const enumKey = (key: string, help: string, allowed: readonly string[]): CliKey => ({
  key,
  help: `${help} (${allowed.join(' | ')})`,
  show: showPlain(key),
  set: (p, v) => {
    if (!allowed.includes(v)) throw new ParamError(key, `'${v}' is not one of ${allowed.join(', ')}`)
    p[key] = v
  },
})

export const boolKey = (key: string, help: string): CliKey => ({
  key,
  help: `${help} (true | false)`,
  show: showPlain(key),
  set: (p, v) => {
    if (v !== 'true' && v !== 'false') throw new ParamError(key, `'${v}' is not true or false`)
    p[key] = v === 'true'
  },
})

/** Finds the setter for a key, matching patterns such as 'lr.*'. */
export function findKey(keys: CliKey[], key: string): CliKey | undefined {
  return keys.find((k) => (k.key.endsWith('*') ? key.startsWith(k.key.slice(0, -1)) && key.length > k.key.length - 1 : k.key === key))
}

/** One `key=value` that could not be applied, and why (the message names the key). */
export interface KeyIssue {
  key: string
  message: string
}

/** `seed=N` (the CLI's --seed): every lab's parameters have a seed. */
export const seedKey: CliKey = { key: 'seed', help: 'random seed (whole number ≥ 0)', show: showPlain('seed'), set: (p, v) => void (p.seed = parseNumber('seed', v, { int: true, min: 0 })) }

/**
 * Applies `pairs` in order to a copy of `params`: the CLI's `--set` and a lesson link's query.
 * A pair with an unknown key or a bad value is skipped and reported; the others still apply.
 */
export function setKeys(keys: CliKey[], params: Record<string, unknown>, pairs: [string, string][]): { params: Record<string, unknown>; issues: KeyIssue[] } {
  let state = structuredClone(params)
  const issues: KeyIssue[] = []
  for (const [key, value] of pairs) {
    const setter = findKey(keys, key)
    if (!setter) {
      issues.push({ key, message: `unknown key '${key}' (keys: ${keys.map((k) => k.key).join(', ')})` })
      continue
    }
    const next = structuredClone(state)
    try {
      setter.set(next, value, key)
      state = next
    } catch (e) {
      if (!(e instanceof ParamError)) throw e
      issues.push({ key, message: e.message })
    }
  }
  return { params: state, issues }
}

type ParamsSchema = z.ZodType<Record<string, unknown>>

/**
 * A lesson link's settings over the lab's defaults: like `setKeys`, and a pair whose value the
 * lab's schema refuses (e.g. `iterations=0`, or `evalEvery` beyond the run) is left out too, its
 * issue reported under that key, so what is applied is always valid. Nothing else changes.
 */
export function applyLinkKeys(lab: { keys: CliKey[]; schema: ParamsSchema }, pairs: [string, string][]): { params: Record<string, unknown>; issues: KeyIssue[] } {
  const keys = linkKeys(lab.keys)
  const defaults = lab.schema.parse({})
  const issues: KeyIssue[] = []
  // first the pairs that parse (in order: `momentum.momentum` needs `optimizer=momentum` before it)
  let kept: [string, string][] = []
  for (const pair of pairs) {
    const one = setKeys(keys, setKeys(keys, defaults, kept).params, [pair])
    if (one.issues.length) issues.push(...one.issues)
    else kept.push(pair)
  }
  for (;;) {
    const applied = setKeys(keys, defaults, kept).params
    const checked = lab.schema.safeParse(applied)
    if (checked.success) return { params: checked.data, issues }
    const culprit = blame(keys, defaults, kept, lab.schema)
    const issue = lab.schema.safeParse(setKeys(keys, defaults, kept.slice(0, culprit + 1)).params)
    const first = issue.success ? checked.error.issues[0]! : issue.error.issues[0]!
    issues.push({ key: kept[culprit]![0], message: `${kept[culprit]![0]}: ${first.message}${first.path.length ? ` (${first.path.join('.')})` : ''}` })
    kept = kept.filter((_, i) => i !== culprit)
  }
}

/** The first pair after which the applied settings no longer pass the schema (the last one if only all together fail). */
function blame(keys: CliKey[], defaults: Record<string, unknown>, pairs: [string, string][], schema: ParamsSchema): number {
  for (let n = 1; n <= pairs.length; n++) {
    if (!schema.safeParse(setKeys(keys, defaults, pairs.slice(0, n)).params).success) return n - 1
  }
  return pairs.length - 1
}

const linkKeys = (keys: CliKey[]) => (findKey(keys, 'seed') ? keys : [...keys, seedKey])

/** Sorted-key JSON: two parameter objects are equal when this is. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(v)
}

/**
 * The pairs that turn the lab's defaults into `params` (only what differs), and the parameters
 * no key can express (left out of the link; empty when the pairs reproduce `params` exactly).
 */
export function showKeys(lab: { keys: CliKey[]; schema: ParamsSchema }, params: Record<string, unknown>): { pairs: [string, string][]; missing: string[] } {
  const keys = linkKeys(lab.keys)
  const target = lab.schema.parse(params)
  let state = lab.schema.parse({})
  const pairs: [string, string][] = []
  for (const k of keys) {
    const have = new Map(k.show?.(state) ?? [])
    for (const [key, value] of k.show?.(target) ?? []) {
      if (have.get(key) === value) continue
      const next = setKeys(keys, state, [[key, value]])
      if (next.issues.length) continue
      pairs.push([key, value])
      state = next.params
    }
  }
  const reached = lab.schema.safeParse(state)
  const missing = Object.keys(target).filter((f) => !reached.success || stable(reached.data[f]) !== stable(target[f]))
  return { pairs, missing }
}
