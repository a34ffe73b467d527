/**
 * Lesson links in the page: a lab route's query (`#/labs/<lab>?iterations=700&optimizers=sgd,adam`)
 * read with the lab's own keys, the same parser as the CLI's `--set` (src/labs/keys.ts), and a
 * lab's parameters written back as such a link (only what differs from the book's defaults).
 */
import { applyLinkKeys, getLab, showKeys, type KeyIssue, type LabId } from './contract'

/** Query keys of a lab page that are not settings: the experiment shown, a classroom token. */
const NOT_SETTINGS = new Set(['experiment', 'token'])

export type RouteQuery = Record<string, string | null | (string | null)[]>

/** The query's settings as `key=value` pairs, in order (a repeated key gives each value). */
export function linkPairs(query: RouteQuery): [string, string][] {
  return Object.entries(query).flatMap(([key, v]) =>
    NOT_SETTINGS.has(key) ? [] : (Array.isArray(v) ? v : [v]).map((value): [string, string] => [key, value ?? '']),
  )
}

function labOf(labId: LabId) {
  const lab = getLab(labId)
  if (!lab) throw new Error(`unknown lab '${labId}'`)
  return lab
}

/** The lab's parameters with the link's settings over the defaults, and what could not be applied; null without settings. */
export function readLessonLink(labId: LabId, query: RouteQuery): { params: Record<string, unknown>; issues: KeyIssue[]; applied: number } | null {
  const pairs = linkPairs(query)
  if (pairs.length === 0) return null
  const { params, issues } = applyLinkKeys(labOf(labId), pairs)
  return { params, issues, applied: pairs.length - issues.length }
}

/** The link that opens lab `labId` with `params` on `origin` (a classroom token kept), and the parameters it cannot say. */
export function lessonLinkFor(labId: LabId, params: Record<string, unknown>, origin: string, token?: string): { url: string; missing: string[] } {
  const { pairs, missing } = showKeys(labOf(labId), params)
  const query = new URLSearchParams(token ? [...pairs, ['token', token]] : pairs).toString()
  return { url: `${origin.replace(/\/+$/, '')}/labs/${labId}${query ? `?${query}` : ''}`, missing }
}
