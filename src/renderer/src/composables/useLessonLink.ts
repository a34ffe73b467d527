/**
 * A lab page's lesson link: settings in the route's query are applied to the lab's form once (the
 * others still apply when one is bad; nothing runs by itself), then the query is cleaned; `make`
 * writes the form's current settings as a link, pointing at the classroom's address in --lan mode.
 *
 * The form is reached as History's "open in the lab with these settings" reaches it
 * (`labUi(id).form().load`); when useSchemaForm offers "apply partial values, get per-field errors",
 * `apply` below is the one place to switch to it.
 */
import { ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { labUi } from '../labs/catalog'
import type { KeyIssue, LabId } from '../lib/contract'
import { lessonLinkFor, readLessonLink, type RouteQuery } from '../lib/lessonLink'

interface LinkableForm {
  load(params: Record<string, unknown>): void
  validation: { success: boolean; data?: Record<string, unknown> }
}

/** The desktop app has no address of its own: its links use browser mode's default one, which it also accepts. */
const DESKTOP_ORIGIN = 'http://127.0.0.1:5177'

/** Where students reach this server: the classroom address on --lan (asked of the server), else this page's origin. */
async function linkOrigin(token: string | undefined): Promise<string> {
  if (window.gradientLab) return DESKTOP_ORIGIN
  if (!token) return window.location.origin
  try {
    const res = await fetch('/api/address', { headers: { 'x-lab-token': token } })
    const body = (await res.json()) as { lanOrigins?: string[] }
    return body.lanOrigins?.[0] ?? window.location.origin
  } catch {
    return window.location.origin
  }
}

export function useLessonLink(labId: LabId) {
  const route = useRoute()
  const router = useRouter()
  const form = labUi(labId).form() as unknown as LinkableForm
  const issues = ref<KeyIssue[]>([])
  const applied = ref(0)

  function apply(query: RouteQuery): void {
    const read = readLessonLink(labId, query)
    if (!read) return
    form.load(read.params)
    issues.value = read.issues
    applied.value = read.applied
    const { experiment } = route.query
    void router.replace({ query: typeof experiment === 'string' ? { experiment } : {} })
  }
  // Read at once: the page may replace its query (e.g. with the last experiment) right after.
  apply(route.query)
  // a link followed while the page is open (e.g. pasted into the address bar)
  watch(
    () => route.query,
    (q) => {
      if (route.name === labId) apply(q)
    },
  )

  /** The current settings as a link, or null while the form is invalid. */
  async function make(): Promise<{ url: string; missing: string[] } | null> {
    const v = form.validation
    if (!v.success || !v.data) return null
    const token = new URLSearchParams(window.location.search).get('token') ?? undefined
    return lessonLinkFor(labId, v.data, await linkOrigin(token), token)
  }

  return { issues, applied, make, dismiss: () => void (issues.value = []) }
}
