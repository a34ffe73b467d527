/** Small pieces every lab form shares: the value of a number input and zod issues keyed by field. */
import type { z } from 'zod'
import { ParamError, findKey, parseNumber, type CliKey, type OptimizerName } from './contract'

/** A number input's value: '' while empty or not a number. */
export type NumberField = number | ''

export type FormIssue = z.core.$ZodIssue

/**
 * The first issue of each field, keyed by its path joined with dots ('hidden.0', 'iterations');
 * `keyOf` may rename a path (e.g. an optimizer's index to its name).
 */
export function issuesByField(
  result: { success: true } | { success: false; error: { issues: FormIssue[] } },
  keyOf: (path: PropertyKey[]) => string = (path) => path.map(String).join('.'),
): Record<string, FormIssue> {
  const byField: Record<string, FormIssue> = {}
  if (result.success) return byField
  for (const issue of result.error.issues) byField[keyOf(issue.path)] ??= issue
  return byField
}

/** An issue the form words itself (`i18n` names its message, `values` fill it). */
export function formIssue(path: PropertyKey[], message: string, i18n: string, values: Record<string, unknown> = {}): FormIssue {
  return { code: 'custom', path, message, input: undefined, params: { i18n, values } } as FormIssue
}

const SEED_KEY: CliKey = {
  key: 'seed',
  help: 'seed of every random draw',
  set: (p, v) => void (p.seed = parseNumber('seed', v, { int: true, min: 0 })),
}

/**
 * Sets preset keys (the lab's CLI keys: 'iterations', 'optimizers', 'lr.adam'…) on `params` with the
 * lab's own parsers. A key the lab does not have, or a value its parser refuses, is an error under
 * `fieldOf(key)`; the message says which key and why (the parser's English reason).
 */
export function setPresetKeys(
  keys: CliKey[],
  params: Record<string, unknown>,
  values: Record<string, string>,
  fieldOf: (key: string) => string,
): { params: Record<string, unknown>; errors: Record<string, FormIssue> } {
  const errors: Record<string, FormIssue> = {}
  // The seed is the CLI's --seed, not a --set key; a link may set it too.
  const all = findKey(keys, 'seed') ? keys : [...keys, SEED_KEY]
  for (const [key, value] of Object.entries(values)) {
    const setter = findKey(all, key)
    if (!setter) {
      const known = all.map((k) => k.key).join(', ')
      errors[key] ??= formIssue([key], `unknown key '${key}' (keys: ${known})`, 'presetLink.unknownKey', { key, known })
      continue
    }
    try {
      setter.set(params, value, key)
    } catch (e) {
      if (!(e instanceof ParamError)) throw e
      errors[fieldOf(key)] ??= formIssue([key], e.message, 'presetLink.badValue', { key, value, reason: e.message.replace(`${e.key}: `, '') })
    }
  }
  return { params, errors }
}

export type InitKind = 'he' | 'xavier' | 'std' | 'zero' | 'constant'
type HyperName = 'lr' | 'momentum' | 'decayRate' | 'beta1' | 'beta2'

/** Each optimizer's hyperparameters, in the order the form shows them. */
export const HYPERS: Record<OptimizerName, HyperName[]> = {
  sgd: ['lr'],
  momentum: ['lr', 'momentum'],
  nesterov: ['lr', 'momentum'],
  adagrad: ['lr'],
  rmsprop: ['lr', 'decayRate'],
  adam: ['lr', 'beta1', 'beta2'],
}

export interface OptimizerDraft {
  enabled: boolean
  /** Only the keys of HYPERS[kind]. */
  values: Record<string, NumberField>
}

/** One number input of a lab form: the field (a path into the form: 'budget.count'), its label and hint (message keys), its bounds. */
export interface NumberFieldSpec {
  key: string
  label: string
  hint?: string
  /** The issue key its reason is under (default: `key`). */
  error?: string
  min?: number
  max?: number
  step?: number | 'any'
}

/** The label of a field every lab names alike. */
const LABELS: Record<string, string> = {
  trainSize: 'form.trainSize',
  epochs: 'form.epochs',
  iterations: 'form.iterations',
  evalEvery: 'form.evalEvery',
  lr: 'form.lrSgd',
  batchSize: 'form.batchSize',
  seed: 'form.seed',
}

type Unwrappable = { def: { type: string; innerType?: Unwrappable; shape?: Record<string, Unwrappable> }; minValue?: number | null; maxValue?: number | null; isInt?: boolean; safeParse(v: unknown): { success: boolean } }

/** The number schema at `path` of an object schema (defaults and optionals unwrapped), if it is one. */
function numberAt(schema: z.ZodType, path: string): Unwrappable | null {
  let s: Unwrappable | undefined = schema as unknown as Unwrappable
  for (const part of path.split('.')) {
    while (s && (s.def.type === 'default' || s.def.type === 'optional')) s = s.def.innerType
    s = s?.def.type === 'object' ? s.def.shape?.[part] : undefined
  }
  while (s && (s.def.type === 'default' || s.def.type === 'optional')) s = s.def.innerType
  return s?.def.type === 'number' ? s : null
}

/** min, max and step of a number input from its schema: whole numbers step by 1, an exclusive bound of a whole number moves by 1. */
export function numberAttrs(schema: z.ZodType, path: string): Pick<NumberFieldSpec, 'min' | 'max' | 'step'> {
  const n = numberAt(schema, path)
  if (!n) return {}
  const bound = (v: number | null | undefined, inward: number) =>
    v === null || v === undefined || !Number.isFinite(v) || Math.abs(v) > 1e12 ? undefined : n.isInt && !n.safeParse(v).success ? v + inward : v
  return { min: bound(n.minValue, 1), max: bound(n.maxValue, -1), step: n.isInt ? 1 : 'any' }
}

/** A lab's number fields, in order: each a key (with the usual label) or a spec overriding it; bounds from the schema. */
export function numberFields(schema: z.ZodType, fields: (string | (Partial<NumberFieldSpec> & { key: string }))[]): NumberFieldSpec[] {
  return fields.map((f) => {
    const spec = typeof f === 'string' ? { key: f } : f
    return { label: LABELS[spec.key] ?? `form.${spec.key}`, ...numberAttrs(schema, spec.key), ...spec }
  })
}
