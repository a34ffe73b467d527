/**
 * A browser-mode lab server of a test's own, with its own database file: for tests that need a
 * second, fresh backend (e.g. importing a bundle "on the teacher's machine") or that stop it.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface OwnServer {
  url: string
  /** What the server printed at start (its addresses). */
  printed: string
  db: string
  stop(): Promise<void>
}

/** Starts `out/main/web.js` on `port` with a new database file, or with `db` (a restart on the same data), and any extra arguments. */
export async function startOwnServer(port: number, name = 'own', opts: { db?: string; args?: string[] } = {}): Promise<OwnServer> {
  const db = opts.db ?? join(mkdtempSync(join(tmpdir(), `gradient-lab-e2e-${name}-`)), `${name}.db`)
  const child: ChildProcess = spawn(process.execPath, ['out/main/web.js', '--port', String(port), '--db', db, ...(opts.args ?? [])], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout!.setEncoding('utf8')
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: string) => {
      out += chunk
      if (out.includes('Database:')) resolve()
    })
    child.once('exit', (code) => reject(new Error(`web server exited early (${code}): ${out}`)))
  })
  return {
    url: `http://127.0.0.1:${port}`,
    printed: out,
    db,
    async stop() {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await once(child, 'exit')
    },
  }
}
