/**
 * Turns a zod issue into a short, translated reason shown next to its field. Numbers and
 * array sizes get the app's own wording in both languages; anything else keeps zod's message.
 */
import type { z } from 'zod'

type Translate = (key: string, named?: Record<string, unknown>) => string

export function issueText(issue: z.core.$ZodIssue, t: Translate): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? t('validation.int') : t('validation.number')
    case 'too_small':
      if (issue.origin === 'array') return t('validation.minItems', { min: String(issue.minimum) })
      return t(issue.inclusive ? 'validation.min' : 'validation.gt', { min: String(issue.minimum) })
    case 'too_big':
      if (issue.origin === 'array') return t('validation.maxItems', { max: String(issue.maximum) })
      return t(issue.inclusive ? 'validation.max' : 'validation.lt', { max: String(issue.maximum) })
    case 'custom': {
      // A lab's own check may name its translation (params.i18n) and the values it needs; a value
      // that is itself { i18n } is translated too (e.g. an optimizer's name).
      const p = issue.params as { i18n?: unknown; values?: Record<string, unknown> } | undefined
      if (typeof p?.i18n !== 'string') return issue.message
      const values = Object.fromEntries(Object.entries(p.values ?? {}).map(([k, v]) => [k, isMessage(v) ? t(v.i18n) : v]))
      return t(p.i18n, values)
    }
    default:
      return issue.message
  }
}

function isMessage(v: unknown): v is { i18n: string } {
  return typeof v === 'object' && v !== null && typeof (v as { i18n?: unknown }).i18n === 'string'
}
