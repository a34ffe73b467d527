/** Builder specs saved under a name (the builder lab's "save as"). */
import type { Database, Statement } from 'better-sqlite3'
import { json } from './rows'

export interface SavedSpec {
  id: number
  name: string
  /** What the spec is for, e.g. 'network' or 'run' (free text, chosen by the caller). */
  kind: string
  spec: unknown
  createdAt: string
  updatedAt: string
}

interface SpecRow {
  id: number
  name: string
  kind: string
  spec: string
  created_at: string
  updated_at: string
}

const toSpec = (r: SpecRow): SavedSpec => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  spec: JSON.parse(r.spec),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

export class SpecRepo {
  private readonly stmt: Record<'upsert' | 'all' | 'ofKind' | 'remove', Statement>

  constructor(db: Database) {
    this.stmt = {
      upsert: db.prepare(`
        INSERT INTO saved_specs (name, kind, spec, created_at, updated_at) VALUES (@name, @kind, @spec, @now, @now)
        ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, spec = excluded.spec, updated_at = excluded.updated_at
        RETURNING *`),
      all: db.prepare('SELECT * FROM saved_specs ORDER BY name'),
      ofKind: db.prepare('SELECT * FROM saved_specs WHERE kind = ? ORDER BY name'),
      remove: db.prepare('DELETE FROM saved_specs WHERE name = ?'),
    }
  }

  /** Saves (or replaces) the spec called `name`. */
  save(name: string, kind: string, spec: unknown, now: string): SavedSpec {
    const n = name.trim()
    if (!n) throw new RangeError('a saved spec needs a name')
    if (!kind.trim()) throw new RangeError('a saved spec needs a kind')
    if (spec === undefined) throw new RangeError('a saved spec needs a spec')
    // .all(): see ExperimentRepo.create (an autocommit error after RETURNING's row must not be lost)
    const [row] = this.stmt.upsert.all({ name: n, kind: kind.trim(), spec: json(spec), now }) as SpecRow[]
    return toSpec(row!)
  }

  list(kind?: string): SavedSpec[] {
    const rows = (kind === undefined ? this.stmt.all.all() : this.stmt.ofKind.all(kind)) as SpecRow[]
    return rows.map(toSpec)
  }

  /** Returns false when there was no spec of that name. */
  delete(name: string): boolean {
    return this.stmt.remove.run(name.trim()).changes > 0
  }
}
