import type { Database } from 'better-sqlite3'

/**
 * One schema step. `up` runs inside a transaction together with setting `user_version` to
 * `version`, so a failing migration leaves the database as it was. Never edit a released
 * migration: add the next file and register it in ./index.ts.
 */
export interface Migration {
  version: number
  name: string
  up(db: Database): void
}
