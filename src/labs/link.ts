/**
 * A lesson link's target, `/labs/<lab-id>?iterations=700&optimizers=sgd,adam` or a full URL with
 * that path, as the browser-mode server and the desktop app's command line receive it. Only its
 * shape is checked here (the lab exists, the text is a URL of sensible length); its settings are
 * checked by the lab's own keys when the page applies them (src/labs/keys.ts, applyLinkKeys), so
 * a bad key shows on the lab page naming the key, and nothing runs by itself.
 */
import { LAB_IDS, type LabId } from './registry'

export interface LinkTarget {
  labId: LabId
  /** The settings, `key=value&…` without the leading '?' and without `token`. */
  query: string
  /** A classroom (--lan) server's access token, when the link carries one. */
  token?: string
}

/** Longer than any real link (a lab has at most a few dozen keys). */
export const MAX_LINK_CHARS = 4096
const LAB_PATH = /^\/labs\/([^/]+)\/?$/

/** null: not a lesson link at all; { error }: a lesson link that is wrong, and why. */
export function parseLinkTarget(input: string): LinkTarget | { error: string } | null {
  const text = input.trim()
  if (!/^(https?:\/\/[^/]*)?\/labs\//i.test(text)) return null
  if (text.length > MAX_LINK_CHARS) return { error: `the lesson link is ${text.length} characters long (at most ${MAX_LINK_CHARS})` }
  let url: URL
  try {
    url = new URL(text, 'http://127.0.0.1')
  } catch {
    return { error: `'${text.slice(0, 80)}' is not a valid link` }
  }
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return { error: 'the link\'s path is not valid percent-encoding' }
  }
  const m = LAB_PATH.exec(path)
  if (!m) return { error: `'${path.slice(0, 80)}' is not a lab's address (expected /labs/<lab>, e.g. /labs/${LAB_IDS[1]})` }
  const labId = m[1]!
  if (!(LAB_IDS as readonly string[]).includes(labId)) return { error: `there is no lab '${labId.slice(0, 40)}' (labs: ${LAB_IDS.join(', ')})` }
  const params = new URLSearchParams(url.search)
  const token = params.get('token') ?? undefined
  params.delete('token')
  return { labId: labId as LabId, query: params.toString(), ...(token !== undefined ? { token } : {}) }
}

/** The hash route that opens the target in the app's page (the renderer uses a hash router). */
export function linkHash(target: LinkTarget): string {
  return `#/labs/${target.labId}${target.query ? `?${target.query}` : ''}`
}
