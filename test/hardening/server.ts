/**
 * The real browser-mode server for the fault-and-abuse suite: createLabApp on a real SQLite file,
 * startWebServer on 127.0.0.1 (port 0), real trainer processes. `client` behaves like the app's
 * own page: it loads '/' first and sends back the per-launch cookie it was given.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLabApp, type LabApp } from '../../src/main/app'
import { type WebServer, type WebServerOptions, startWebServer } from '../../src/main/web/server'

export interface Harness {
  app: LabApp
  web: WebServer
  base: string
  dir: string
  close(): Promise<void>
}

export async function startHarness(opts: { dbPath?: string; web?: Partial<WebServerOptions> } = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'glab-hard-'))
  const app = createLabApp({ mode: 'browser', dbPath: opts.dbPath ?? join(dir, 'lab.db') })
  const web = await startWebServer({ service: app.service, staticDir: null, ...opts.web })
  const base = web.url.replace(/\/(\?.*)?$/, '')
  return {
    app,
    web,
    base,
    dir,
    close: async () => {
      await web.close()
      app.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export interface Client {
  cookie: string
  call(channel: string, body: unknown): Promise<{ status: number; body: { error?: string } & Record<string, unknown> }>
}

/** A client that got its cookie from the page, as the app's own page does. */
export async function pageClient(base: string): Promise<Client> {
  const page = await fetch(`${base}/`)
  await page.arrayBuffer()
  const cookie = page.headers.get('set-cookie')?.split(';')[0] ?? ''
  return {
    cookie,
    async call(channel, body) {
      const res = await fetch(`${base}/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify(body),
      })
      const text = await res.text()
      let parsed: Record<string, unknown> = {}
      try {
        parsed = JSON.parse(text) as Record<string, unknown>
      } catch {
        parsed = { error: `not JSON: ${text.slice(0, 200)}` }
      }
      return { status: res.status, body: parsed }
    },
  }
}
