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
    default:
      return issue.message
  }
}
