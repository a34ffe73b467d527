import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { APPLICATION_ID, DatabaseOpenError, LATEST_SCHEMA, MIGRATIONS, Store, openDatabase, type Migration } from '../../src/main/store'
import { dbPath, rowCounts, tempDir } from './helpers'

const dir = tempDir()
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex')

describe('openDatabase', () => {
  it('migrates a new file: user_version, application id, WAL, foreign keys, STRICT tables', () => {
    const path = dbPath(dir)
    const db = openDatabase(path)
    try {
      // Versions only grow (the lead renumbers parallel migrations on merge); the last is the schema written.
      expect(MIGRATIONS.every((m, i) => i === 0 || m.version > MIGRATIONS[i - 1].version)).toBe(true)
      expect(LATEST_SCHEMA).toBe(MIGRATIONS[MIGRATIONS.length - 1].version)
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA)
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0)
      const tables = db.prepare("SELECT name, strict, wr FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name").all()
      expect(tables).toEqual([
        { name: 'experiments', strict: 1, wr: 0 },
        { name: 'inside_digits', strict: 1, wr: 0 },
        { name: 'inside_frames', strict: 1, wr: 0 },
        { name: 'metrics', strict: 1, wr: 1 },
        { name: 'runs', strict: 1, wr: 0 },
        { name: 'saved_specs', strict: 1, wr: 0 },
      ])
      // STRICT at work: text in an INTEGER column is refused
      expect(() =>
        db.prepare("INSERT INTO experiments (lab_id, name, params, seed, created_at) VALUES ('x', 'x', '{}', 'seven', 'now')").run(),
      ).toThrow(/cannot store TEXT value in INTEGER column/)
    } finally {
      db.close()
    }
  })

  it('reopening is idempotent and keeps the data', () => {
    const path = dbPath(dir)
    const a = Store.open(path)
    a.createExperiment({ labId: 'paths-2d', name: 'kept', params: {}, seed: 0, result: { ok: 1 } })
    a.close()
    for (let i = 0; i < 3; i++) {
      const b = Store.open(path)
      expect(b.listExperiments().map((e) => e.name)).toEqual(['kept'])
      b.close()
    }
    const raw = new Database(path, { readonly: true })
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA)
    raw.close()
  })

  it('refuses a database written by a newer schema and leaves it untouched', () => {
    const path = dbPath(dir)
    Store.open(path).close()
    const raw = new Database(path)
    raw.pragma('user_version = 50')
    raw.close()
    const counts = rowCounts(path)
    const before = sha(path)
    expect(() => Store.open(path)).toThrow(DatabaseOpenError)
    expect(() => Store.open(path)).toThrow(
      `${path} was written by a newer version of Gradient Lab (schema 50; this app knows up to ${LATEST_SCHEMA}). Use a newer app or another --db path.`,
    )
    expect(sha(path)).toBe(before)
    // no pending writes either (an empty -wal file may come and go: that is SQLite's housekeeping)
    expect(existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`).length : 0).toBe(0)
    expect(rowCounts(path)).toEqual(counts)
  })

  it('refuses a newer database in rollback-journal mode without switching it to WAL', () => {
    const path = dbPath(dir)
    const raw = new Database(path)
    raw.exec('CREATE TABLE future (x INTEGER) STRICT')
    raw.pragma(`application_id = ${APPLICATION_ID}`)
    raw.pragma('user_version = 9')
    raw.close()
    const before = sha(path)
    expect(() => openDatabase(path)).toThrow(`written by a newer version of Gradient Lab (schema 9; this app knows up to ${LATEST_SCHEMA})`)
    expect(sha(path)).toBe(before)
    const check = new Database(path, { readonly: true })
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete')
    check.close()
  })

  it("refuses another application's database and a file that is not SQLite", () => {
    const other = dbPath(dir)
    const raw = new Database(other)
    raw.exec('CREATE TABLE notes (body TEXT)')
    raw.close()
    expect(() => openDatabase(other)).toThrow(/is not a Gradient Lab database \(it holds 1 tables of something else\)/)

    const text = dbPath(dir)
    writeFileSync(text, 'hello, this is not a database'.repeat(100))
    expect(() => openDatabase(text)).toThrow(/is not a Gradient Lab database/)
    expect(readFileSync(text, 'utf8').startsWith('hello')).toBe(true)
  })

  it('applies each migration in a transaction: a failing one changes nothing', () => {
    const path = dbPath(dir)
    openDatabase(path).close()
    const broken: Migration = {
      version: LATEST_SCHEMA + 1,
      name: 'broken',
      up(db) {
        db.exec('CREATE TABLE half_done (x INTEGER) STRICT')
        throw new Error('boom')
      },
    }
    expect(() => openDatabase(path, { migrations: [...MIGRATIONS, broken] })).toThrow(`${path}: migration ${LATEST_SCHEMA + 1} (broken) failed: boom`)
    const raw = new Database(path, { readonly: true })
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA)
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half_done'").get()).toEqual({ n: 0 })
    raw.close()
  })

  it('applies only the new migrations when the app gains one', () => {
    const path = dbPath(dir)
    openDatabase(path).close()
    let ran = 0
    const next: Migration = {
      version: LATEST_SCHEMA + 1,
      name: 'add_notes',
      up(db) {
        ran += 1
        db.exec("ALTER TABLE experiments ADD COLUMN notes TEXT NOT NULL DEFAULT ''")
      },
    }
    for (let i = 0; i < 2; i++) openDatabase(path, { migrations: [...MIGRATIONS, next] }).close()
    expect(ran).toBe(1)
    const raw = new Database(path, { readonly: true })
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA + 1)
    raw.close()
    // …and this app now refuses it
    expect(() => openDatabase(path)).toThrow(`schema ${LATEST_SCHEMA + 1}; this app knows up to ${LATEST_SCHEMA}`)
  })
})
