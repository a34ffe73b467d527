/**
 * Why a bundle file is not a valid bundle, worded in the user's language: the zod issues of
 * BundleSchema with their field paths, English as the backend says them (`experiments.0.runs.1.label:
 * …`), Korean with zod's Korean messages and the path's collections named (`실험 1 › 실행 2 › label: …`).
 * The renderer checks a file with it before sending; the backend checks again (a boundary).
 */
import { z } from 'zod'
import { formatZodError } from './api'
import { BundleSchema } from './records'

export type BundleLocale = 'en' | 'ko'

/** The bundle's collections in Korean, each followed by a 0-based index that is shown 1-based. */
const KO_COLLECTIONS: Record<string, string> = { experiments: '실험', runs: '실행', series: '계열', frames: '스냅숏', tiles: '타일', digits: '숫자 이미지' }

/** `experiments.0.runs.1.label` → `실험 1 › 실행 2 › label`. */
export function koPath(path: readonly PropertyKey[]): string {
  const parts: string[] = []
  for (let i = 0; i < path.length; i++) {
    const seg = String(path[i])
    const next = path[i + 1]
    if (KO_COLLECTIONS[seg] && typeof next === 'number') {
      parts.push(`${KO_COLLECTIONS[seg]} ${next + 1}`)
      i++
    } else parts.push(typeof path[i] === 'number' ? `${Number(seg) + 1}번째` : seg)
  }
  return parts.join(' › ')
}

/** The schema's problems with `input` (at most `max`), or [] when it is a valid bundle by the schema. */
export function bundleIssues(input: unknown, locale: BundleLocale, max = 20): string[] {
  const checked = locale === 'ko' ? BundleSchema.safeParse(input, { error: z.locales.ko().localeError }) : BundleSchema.safeParse(input)
  if (checked.success) return []
  const issues = checked.error.issues.slice(0, max)
  if (locale === 'en') return [formatZodError(new z.ZodError(issues))]
  return issues.map((i) => (i.path.length ? `${koPath(i.path)}: ${i.message}` : i.message))
}
