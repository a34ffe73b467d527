import { RunSpecSchema } from '../../../shared/schemas'
import { legacyRunFacts } from '../../../shared/run-facts'
import type { Migration } from './types'

/**
 * Runs carry their facts (training rows, iterations per epoch, planned iterations) as the
 * service computed them at plan time, so the renderer never recomputes them. Runs stored before
 * get them from their spec and the built-in MNIST's known split.
 */
export const runFacts: Migration = {
  version: 3,
  name: 'run facts',
  up(db) {
    db.exec(`ALTER TABLE runs ADD COLUMN facts TEXT CHECK (facts IS NULL OR json_valid(facts))`)
    const rows = db.prepare('SELECT id, spec FROM runs').all() as { id: number; spec: string }[]
    const set = db.prepare('UPDATE runs SET facts = ? WHERE id = ?')
    for (const r of rows) {
      const spec = RunSpecSchema.safeParse(JSON.parse(r.spec))
      if (spec.success) set.run(JSON.stringify(legacyRunFacts(spec.data)), r.id)
    }
  },
}
