import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, afterEach } from 'vitest'
import { Store } from '../../src/main/store'
import { RunSpecSchema, type RunSpec, type RunSpecInput } from '../../src/shared/schemas'

/** A fresh temp folder, removed after the test file. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gl-store-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

let n = 0
/** A new database path inside `dir`. */
export const dbPath = (dir: string) => join(dir, `t${++n}.db`)

/**
 * Opens stores on fresh database files in `dir`, with a stepping clock, and closes them after
 * each test: `fresh()` for a new file, `fresh(path)` to reopen one.
 */
export function storeOpener(dir: string): (path?: string) => Store {
  const open: Store[] = []
  afterEach(() => open.splice(0).forEach((s) => s.close()))
  return (path = dbPath(dir)) => {
    const s = Store.open(path, { now: steppingClock() })
    open.push(s)
    return s
  }
}

export function runSpec(over: Partial<RunSpecInput> = {}): RunSpec {
  return RunSpecSchema.parse({
    network: { hidden: [{ width: 50 }] },
    optimizer: { kind: 'sgd', lr: 0.01 },
    budget: { unit: 'iterations', count: 100 },
    seed: 7,
    ...over,
  })
}

/** Row counts of every table, read through a separate connection. */
export function rowCounts(path: string): Record<string, number> {
  const db = new Database(path, { readonly: true })
  try {
    const out: Record<string, number> = {}
    for (const t of ['experiments', 'runs', 'metrics', 'saved_specs']) {
      out[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n
    }
    return out
  } finally {
    db.close()
  }
}

/** A clock that advances one second per call, from a fixed start. */
export function steppingClock(start = '2025-03-01T10:00:00.000Z'): () => Date {
  let t = Date.parse(start)
  return () => new Date((t += 1000))
}
