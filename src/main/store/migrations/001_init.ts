import type { Migration } from './types'

/**
 * Experiments, their runs, the runs' metric series, and saved builder specs. STRICT tables;
 * JSON columns are TEXT checked with json_valid. Dates are ISO-8601 UTC strings
 * (toISOString), so text order is time order.
 */
export const init: Migration = {
  version: 1,
  name: 'init',
  up(db) {
    db.exec(`
      CREATE TABLE experiments (
        id          INTEGER PRIMARY KEY,
        lab_id      TEXT    NOT NULL,
        name        TEXT    NOT NULL,
        params      TEXT    NOT NULL CHECK (json_valid(params)),
        seed        INTEGER NOT NULL,
        tags        TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
        parent_id   INTEGER REFERENCES experiments(id) ON DELETE SET NULL,
        result      TEXT    CHECK (result IS NULL OR json_valid(result)),
        created_at  TEXT    NOT NULL
      ) STRICT;
      CREATE INDEX experiments_by_created ON experiments(created_at);
      CREATE INDEX experiments_by_lab ON experiments(lab_id, created_at);
      CREATE INDEX experiments_by_parent ON experiments(parent_id) WHERE parent_id IS NOT NULL;

      CREATE TABLE runs (
        id             INTEGER PRIMARY KEY,
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
        UNIQUE (experiment_id, ordinal)
      ) STRICT;
      CREATE INDEX runs_active ON runs(status) WHERE status IN ('queued', 'running');

      -- One row per point. value is NULL for NaN (SQLite has no NaN).
      CREATE TABLE metrics (
        run_id  INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        series  TEXT    NOT NULL,
        step    INTEGER NOT NULL,
        value   REAL,
        PRIMARY KEY (run_id, series, step)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE saved_specs (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE,
        kind        TEXT NOT NULL,
        spec        TEXT NOT NULL CHECK (json_valid(spec)),
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
    `)
  },
}
