import type { Migration } from './types'

/**
 * Two fixes in one rebuild of `experiments` and `runs` (SQLite cannot add AUTOINCREMENT to an
 * existing table):
 * - ids are never reused after a delete (AUTOINCREMENT), so a deleted experiment's id, kept in a
 *   bookmark, a hand-in or an open tab, can never point at a newer experiment;
 * - `runs.owner` records the process that queued the run (see ../owner.ts), so a run left
 *   'running' by a process that died is marked interrupted at the next open, and only then.
 * Runs with foreign keys off (openDatabase turns them on after migrating); the rebuild is
 * checked with `PRAGMA foreign_key_check` inside the same transaction.
 */
export const ownerAutoincrement: Migration = {
  version: 2,
  name: 'owner-autoincrement',
  up(db) {
    db.exec(`
      CREATE TABLE experiments_v2 (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        lab_id      TEXT    NOT NULL,
        name        TEXT    NOT NULL,
        params      TEXT    NOT NULL CHECK (json_valid(params)),
        seed        INTEGER NOT NULL,
        tags        TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
        parent_id   INTEGER REFERENCES experiments(id) ON DELETE SET NULL,
        result      TEXT    CHECK (result IS NULL OR json_valid(result)),
        created_at  TEXT    NOT NULL
      ) STRICT;
      INSERT INTO experiments_v2 (id, lab_id, name, params, seed, tags, parent_id, result, created_at)
        SELECT id, lab_id, name, params, seed, tags, parent_id, result, created_at FROM experiments;
      DROP TABLE experiments;
      ALTER TABLE experiments_v2 RENAME TO experiments;
      CREATE INDEX experiments_by_created ON experiments(created_at);
      CREATE INDEX experiments_by_lab ON experiments(lab_id, created_at);
      CREATE INDEX experiments_by_parent ON experiments(parent_id) WHERE parent_id IS NOT NULL;

      CREATE TABLE runs_v2 (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        experiment_id  INTEGER NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
        ordinal        INTEGER NOT NULL,
        label          TEXT    NOT NULL,
        meta           TEXT    NOT NULL CHECK (json_valid(meta)),
        spec           TEXT    NOT NULL CHECK (json_valid(spec)),
        status         TEXT    NOT NULL
                       CHECK (status IN ('queued', 'running', 'finished', 'failed', 'cancelled', 'interrupted')),
        error          TEXT,
        final          TEXT    CHECK (final IS NULL OR json_valid(final)),
        created_at     TEXT    NOT NULL,
        started_at     TEXT,
        finished_at    TEXT,
        owner          TEXT,
        UNIQUE (experiment_id, ordinal)
      ) STRICT;
      INSERT INTO runs_v2 (id, experiment_id, ordinal, label, meta, spec, status, error, final, created_at, started_at, finished_at)
        SELECT id, experiment_id, ordinal, label, meta, spec, status, error, final, created_at, started_at, finished_at FROM runs;
      DROP TABLE runs;
      ALTER TABLE runs_v2 RENAME TO runs;
      CREATE INDEX runs_active ON runs(status) WHERE status IN ('queued', 'running');
    `)
    const broken = db.pragma('foreign_key_check') as unknown[]
    if (broken.length > 0) throw new Error(`${broken.length} broken foreign key reference(s) after the rebuild`)
  },
}
