/** Inside frames and sample digits per run (issue 12). Statements prepared once; the caller wraps writes in a transaction. */
import type { Database, Statement } from 'better-sqlite3'
import type { Digits, InsideFrame, RunInside } from '../../shared/inside'

export class InsideRepo {
  private readonly stmt: Record<'exists' | 'frame' | 'digits' | 'frames' | 'getDigits' | 'clearFrames' | 'clearDigits', Statement>

  constructor(db: Database) {
    this.stmt = {
      exists: db.prepare('SELECT 1 FROM runs WHERE id = ?').pluck(),
      frame: db.prepare('INSERT OR REPLACE INTO inside_frames (run_id, step, frame) VALUES (?, ?, ?)'),
      digits: db.prepare('INSERT OR REPLACE INTO inside_digits (run_id, digits) VALUES (?, ?)'),
      frames: db.prepare('SELECT frame FROM inside_frames WHERE run_id = ? ORDER BY step').pluck(),
      getDigits: db.prepare('SELECT digits FROM inside_digits WHERE run_id = ?').pluck(),
      clearFrames: db.prepare('DELETE FROM inside_frames WHERE run_id = ?'),
      clearDigits: db.prepare('DELETE FROM inside_digits WHERE run_id = ?'),
    }
  }

  /** Stores one frame (a repeated step overwrites) and the digits if given; false when the run does not exist. */
  append(runId: number, frame: InsideFrame, digits: Digits | null): boolean {
    if (this.stmt.exists.get(runId) === undefined) return false
    this.stmt.frame.run(runId, frame.step, JSON.stringify(frame))
    if (digits) this.stmt.digits.run(runId, JSON.stringify(digits))
    return true
  }

  get(runId: number): RunInside {
    const digits = this.stmt.getDigits.get(runId) as string | undefined
    const frames = (this.stmt.frames.all(runId) as string[]).map((f) => JSON.parse(f) as InsideFrame)
    return { digits: digits === undefined ? null : (JSON.parse(digits) as Digits), frames }
  }

  clear(runId: number): void {
    this.stmt.clearFrames.run(runId)
    this.stmt.clearDigits.run(runId)
  }
}
