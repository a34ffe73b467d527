import { init } from './001_init'
import { ownerAutoincrement } from './002_owner_autoincrement'
import { runFacts } from './003_run_facts'
import { inside } from './004_inside'
import type { Migration } from './types'

export type { Migration } from './types'

/** Every migration, in order; the last one's version is the schema this app writes. */
export const MIGRATIONS: readonly Migration[] = [init, ownerAutoincrement, runFacts, inside]

export const LATEST_SCHEMA = MIGRATIONS[MIGRATIONS.length - 1].version
