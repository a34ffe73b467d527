/**
 * Opens the SQLite database (better-sqlite3): WAL, foreign keys, busy timeout, and migrations
 * by PRAGMA user_version (Signal Desktop's scheme: one file per migration, each in a
 * transaction, a clear refusal of a database written by a newer app).
 */
import Database from 'better-sqlite3'
import { DatabaseOpenError } from './errors'
import { prepareDbPath } from './paths'
import { LATEST_SCHEMA, MIGRATIONS, type Migration } from './migrations'

/** Marks the file as Gradient Lab's (PRAGMA application_id; "GLab"). */
export const APPLICATION_ID = 0x474c6162
export const BUSY_TIMEOUT_MS = 5000

export interface OpenOptions {
  /** For tests: another migration list (default: ./migrations). */
  migrations?: readonly Migration[]
}

export function openDatabase(path: string, opts: OpenOptions = {}): Database.Database {
  const migrations = opts.migrations ?? MIGRATIONS
  const latest = migrations.length > 0 ? migrations[migrations.length - 1].version : 0
  if (path !== ':memory:') prepareDbPath(path)
  let db: Database.Database
  try {
    db = new Database(path)
  } catch (err) {
    throw new DatabaseOpenError(path, `${path}: cannot open the database (${(err as Error).message})`)
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    // Read-only checks first: a database we refuse must be left exactly as it was.
    checkUsable(db, path, latest)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL') // safe with WAL: a crash loses at most the last commits
    // Migrations may rebuild tables (002 does): with foreign keys on, dropping the old table would
    // cascade-delete its children. better-sqlite3 turns them on by default, so off first; each
    // migration checks the references itself. The pragma is per connection and a no-op in a transaction.
    db.pragma('foreign_keys = OFF')
    migrate(db, path, migrations)
    db.pragma('foreign_keys = ON')
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
    throw refusal(path, err)
  }
  if (appId !== 0 && appId !== APPLICATION_ID) {
    throw new DatabaseOpenError(path, `${path} belongs to another application (application_id ${appId}). Use another --db path.`)
  }
  if (version === 0 && tables > 0) {
    throw new DatabaseOpenError(path, `${path} is not a Gradient Lab database (it holds ${tables} tables of something else). Use another --db path.`)
  }
  // A damaged file (a torn copy, a disk error) is refused before anything writes to it. quick_check
  // reads every page (it skips only the index-content comparison of integrity_check).
  let problems: string[]
  try {
    problems = (db.pragma('quick_check(5)') as { quick_check: string }[]).map((r) => r.quick_check)
  } catch (err) {
    throw refusal(path, err)
  }
  if (problems.length !== 1 || problems[0] !== 'ok') throw damaged(path, problems.join('; '))
  if (version > latest) {
    throw new DatabaseOpenError(
      path,
      `${path} was written by a newer version of Gradient Lab (schema ${version}; this app knows up to ${latest}). ` +
        'Use a newer app or another --db path.',
    )
  }
}

function damaged(path: string, detail: string): DatabaseOpenError {
  return new DatabaseOpenError(path, `${path} is damaged (${detail}); it was left untouched: restore a copy or use another --db path.`)
}

/** The sentence for a file SQLite cannot read: damaged, locked, or not a database at all. */
function refusal(path: string, err: unknown): DatabaseOpenError {
  const code = (err as { code?: string }).code ?? ''
  const message = (err as Error).message
  if (code.startsWith('SQLITE_CORRUPT')) return damaged(path, message)
  if (code.startsWith('SQLITE_BUSY')) return new DatabaseOpenError(path, `${path} is locked by another program (${message}); close it and try again.`)
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_IOERR')) {
    return new DatabaseOpenError(path, `${path} cannot be read and written (${message}).`)
  }
  return new DatabaseOpenError(path, `${path} is not a Gradient Lab database (${message}). Use another --db path.`)
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
