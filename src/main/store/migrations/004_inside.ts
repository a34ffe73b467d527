import type { Migration } from './types'

/**
 * Issue 12: what happens inside each run. One row per evaluation point (the layer snapshot,
 * predictions and weight tiles as one JSON object of the shape InsideFrameSchema), and the
 * run's fixed sample of test digits. Both go with their run (ON DELETE CASCADE).
 */
export const inside: Migration = {
  version: 4,
  name: 'inside',
  up(db) {
    db.exec(`
      CREATE TABLE inside_frames (
        run_id  INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        step    INTEGER NOT NULL,
        frame   TEXT    NOT NULL CHECK (json_valid(frame)),
        PRIMARY KEY (run_id, step)
      ) STRICT;

      CREATE TABLE inside_digits (
        run_id  INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
        digits  TEXT    NOT NULL CHECK (json_valid(digits))
      ) STRICT;
    `)
  },
}
