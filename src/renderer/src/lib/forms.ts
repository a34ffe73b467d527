/** Small pieces every lab form shares: the value of a number input and zod issues keyed by field. */
import type { z } from 'zod'
import type { OptimizerName } from './contract'

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
