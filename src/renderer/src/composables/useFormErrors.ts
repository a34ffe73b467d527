/** A form's issues as short translated reasons by field key; `special` words some fields itself (a message key each). */
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import type { FormIssue } from '../lib/forms'
import { issueText } from '../lib/validation'

export function useFormErrors(form: { readonly issues: Record<string, FormIssue> }, special: Record<string, string> = {}) {
  const { t } = useI18n()
  const errors = computed(() => {
    const out: Record<string, string> = {}
    for (const [key, issue] of Object.entries(form.issues)) out[key] = special[key] && !ownWording(issue) ? t(special[key]) : issueText(issue, t)
    return out
  })
  return { errors }
}

/** An issue that names its own message (a lab's check, a refused preset key) keeps it. */
function ownWording(issue: FormIssue): boolean {
  return issue.code === 'custom' && typeof (issue.params as { i18n?: unknown } | undefined)?.i18n === 'string'
}
