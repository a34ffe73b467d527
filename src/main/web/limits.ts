/** Browser mode's request limits (one place; the README's "Security and reliability" states them). */
import { API_LIMITS } from '../../shared/limits'

export const LIMITS = {
  /** Largest API request body held in memory (413 above). */
  apiBodyBytes: 16 * 1024 * 1024,
  /** Largest `importBundle` body; it is streamed to a temporary file, not held in memory. */
  importBodyBytes: API_LIMITS.bundleBytes,
  /** All API bodies being read at once, together (503 above: the server is busy). */
  totalBodyBytes: 64 * 1024 * 1024,
  /** Bundle imports being received or parsed at once (each parse holds its bundle in memory). */
  concurrentImports: 1,
  /** Open event streams (503 above). */
  eventStreams: 32,
} as const

export type Limits = { -readonly [K in keyof typeof LIMITS]: number }
