import { init } from './001_init'
import { runFacts } from './003_run_facts'
import type { Migration } from './types'

export type { Migration } from './types'

/** Every migration, in order; the last one's version is the schema this app writes. */
// 003 follows 001 directly on this branch: 002 is another branch's and the lead renumbers on merge.
export const MIGRATIONS: readonly Migration[] = [init, runFacts]

export const LATEST_SCHEMA = MIGRATIONS[MIGRATIONS.length - 1].version
