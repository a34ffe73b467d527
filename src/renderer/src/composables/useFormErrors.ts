/**
 * A form's issues as short translated reasons by field, plus the hidden-layer rows' own errors
 * (index → reason) for NetworkHiddenList. `special` may word some fields itself.
 */
import { computed, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { FormIssue } from '../lib/forms'
import { issueText } from '../lib/validation'

export function useFormErrors(issues: Ref<Record<string, FormIssue>>, rowCount: Ref<number>, special: Record<string, string> = {}) {
  const { t } = useI18n()
  const errors = computed(() => {
    const out: Record<string, string> = {}
    for (const [key, issue] of Object.entries(issues.value)) out[key] = special[key] ? t(special[key]) : issueText(issue, t)
    return out
  })
  const layerErrors = computed<Record<number, string>>(() => {
    const out: Record<number, string> = {}
    for (let i = 0; i < rowCount.value; i++) {
      const e = errors.value[`hidden.${i}`]
      if (e) out[i] = e
    }
    return out
  })
  return { errors, layerErrors }
}
