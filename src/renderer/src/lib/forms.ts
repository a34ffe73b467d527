/** Small pieces every lab form shares: the value of a number input and zod issues keyed by field. */
import type { z } from 'zod'

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
