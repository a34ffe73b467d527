/**
 * The desktop app's command line: `gradient-lab /labs/<lab>?…` (or a full URL with that path)
 * opens the window at that lab, its settings applied by the page as any lesson link's are. The
 * arguments are boundary input: from the user's shell, or from a second launch through
 * `second-instance` (another process), so they are checked here; no `electron` import (tested under Node).
 */
import { z } from 'zod'
import { MAX_LINK_CHARS, linkHash, parseLinkTarget } from '../../labs/link'
import { APP_ENTRY } from './scheme'

/** What a second launch sends to the first as `additionalData` (its arguments, exactly). */
export const LaunchDataSchema = z.object({ argv: z.array(z.string().max(MAX_LINK_CHARS * 2)).max(256) })

export interface LaunchTarget {
  /** The app URL to load, when an argument is a lesson link. */
  url?: string
  /** Why a lesson-link argument was refused (the window opens at the home page). */
  error?: string
}

/** The first lesson-link argument of `argv` (Chromium's own switches and Electron's app path are skipped). */
export function launchTarget(argv: readonly string[]): LaunchTarget {
  for (const arg of argv) {
    const target = parseLinkTarget(arg)
    if (!target) continue
    if ('error' in target) return { error: target.error }
    // A classroom token means nothing to the desktop app, which has no server.
    return { url: APP_ENTRY + linkHash(target) }
  }
  return {}
}

/**
 * A second launch's arguments: its `additionalData` when well-formed (Electron's docs advise it
 * over `argv`, which "might be reordered and have extra arguments appended"), else its `argv`.
 */
export function secondLaunchArgv(argv: unknown, additionalData: unknown): string[] {
  const data = LaunchDataSchema.safeParse(additionalData)
  if (data.success) return data.data.argv
  const plain = LaunchDataSchema.shape.argv.safeParse(argv)
  return plain.success ? plain.data : []
}
