/**
 * Opens the SQLite database (better-sqlite3): WAL, foreign keys, busy timeout, and migrations
 * by PRAGMA user_version (Signal Desktop's scheme: one file per migration, each in a
 * transaction, a clear refusal of a database written by a newer app).
 */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { DatabaseOpenError } from './errors'
import { LATEST_SCHEMA, MIGRATIONS, type Migration } from './migrations'

/** Marks the file as Gradient Lab's (PRAGMA application_id; "GLab"). */
export const APPLICATION_ID = 0x474c6162
export const BUSY_TIMEOUT_MS = 5000

export interface OpenOptions {
  /** For tests: another migration list (default: ./migrations). */
  migrations?: readonly Migration[]
  /** A better_sqlite3.node other than the package's own (Electron's ABI; see ./binding.ts). */
  nativeBinding?: string
}

export function openDatabase(path: string, opts: OpenOptions = {}): Database.Database {
  const migrations = opts.migrations ?? MIGRATIONS
  const latest = migrations.length > 0 ? migrations[migrations.length - 1].version : 0
  const inMemory = path === ':memory:' || path === ''
  if (!inMemory) mkdirSync(dirname(path), { recursive: true })
  let db: Database.Database
  try {
    db = new Database(path, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {})
  } catch (err) {
    throw new DatabaseOpenError(path, `${path}: cannot open the database (${(err as Error).message})`)
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    // Read-only checks first: a database we refuse must be left exactly as it was.
    checkUsable(db, path, latest)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL') // safe with WAL: a crash loses at most the last commits
    db.pragma('foreign_keys = ON') // per connection, and a no-op inside a transaction
    migrate(db, path, migrations)
    return db
  } catch (err) {
    db.close()
    throw err
  }
}

function checkUsable(db: Database.Database, path: string, latest: number): void {
  let version: number
  let appId: number
  let tables: number
  try {
    version = db.pragma('user_version', { simple: true }) as number
    appId = db.pragma('application_id', { simple: true }) as number
    tables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n
  } catch (err) {
    throw new DatabaseOpenError(path, `${path} is not a Gradient Lab database (${(err as Error).message}). Use another --db path.`)
  }
  if (appId !== 0 && appId !== APPLICATION_ID) {
    throw new DatabaseOpenError(path, `${path} belongs to another application (application_id ${appId}). Use another --db path.`)
  }
  if (version === 0 && tables > 0) {
    throw new DatabaseOpenError(path, `${path} is not a Gradient Lab database (it holds ${tables} tables of something else). Use another --db path.`)
  }
  if (version > latest) {
    throw new DatabaseOpenError(
      path,
      `${path} was written by a newer version of Gradient Lab (schema ${version}; this app knows up to ${latest}). ` +
        'Use a newer app or another --db path.',
    )
  }
}

/** Applies every migration newer than user_version, each in its own IMMEDIATE transaction. */
function migrate(db: Database.Database, path: string, migrations: readonly Migration[]): void {
  for (const m of migrations) {
    const step = db.transaction(() => {
      // Re-read inside the write lock: another process may have migrated meanwhile.
      if ((db.pragma('user_version', { simple: true }) as number) >= m.version) return
      m.up(db)
      db.pragma(`application_id = ${APPLICATION_ID}`)
      db.pragma(`user_version = ${m.version}`)
    })
    try {
      step.immediate()
    } catch (err) {
      throw new DatabaseOpenError(path, `${path}: migration ${m.version} (${m.name}) failed: ${(err as Error).message}`)
    }
  }
}

export { LATEST_SCHEMA }
