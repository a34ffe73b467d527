/**
 * Request bodies: over the limit answers 413 with the reason (the client reads it, no reset),
 * bodies being read at once share one memory budget, bundle imports go through a temporary file
 * with their own larger limit, and event streams are capped. The concurrent-body case runs the
 * server in its own process and bounds its peak resident memory.
 */
import { request } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { HAS_PROC, peakRss, startServerProcess } from './procs'
import { pageClient, startHarness } from './server'

const MB = 1024 * 1024
const dir = mkdtempSync(join(tmpdir(), 'glab-bodies-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/**
 * Streams `bytes` of a JSON string body (chunked, no Content-Length unless `declare`), stopping
 * when the server answers; resolves with the status (0: the connection was cut before any answer).
 */
function upload(base: string, path: string, cookie: string, bytes: number, declare = false): Promise<number> {
  const url = new URL(path, base)
  const head = Buffer.from('{"pad":"')
  const tail = Buffer.from('"}')
  const chunk = Buffer.alloc(MB, 'a')
  return new Promise((resolve) => {
    let status = 0
    let sent = 0
    const headers: Record<string, string | number> = { 'content-type': 'application/json', cookie }
    if (declare) headers['content-length'] = bytes + head.length + tail.length
    const req = request(url, { method: 'POST', headers }, (res) => {
      status = res.statusCode ?? 0
      res.resume()
      res.on('end', () => resolve(status))
      res.on('error', () => resolve(status))
    })
    req.on('error', () => resolve(status))
    const pump = () => {
      while (status === 0 && sent < bytes) {
        const n = Math.min(MB, bytes - sent)
        sent += n
        if (!req.write(n === MB ? chunk : chunk.subarray(0, n))) return void req.once('drain', pump)
      }
      if (status === 0) req.end(tail)
    }
    req.write(head)
    pump()
  })
}

/** Starts a JSON upload and keeps it open after 1 MB; `finish()` sends the rest and resolves with the status. */
function holdOpen(base: string, path: string, cookie: string): { finish: () => Promise<number> } {
  const req = request(new URL(path, base), { method: 'POST', headers: { 'content-type': 'application/json', cookie } })
  const status = new Promise<number>((resolve) => {
    req.on('response', (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', () => resolve(0))
  })
  req.write('{"pad":"')
  req.write(Buffer.alloc(MB, 'a'))
  return {
    finish: () => {
      req.end('"}')
      return status
    },
  }
}

describe('request bodies', () => {
  it('over 16 MB: 413 with the reason, declared or streamed; the server goes on', async () => {
    const h = await startHarness()
    try {
      const { cookie } = await pageClient(h.base)
      expect(await upload(h.base, '/api/listLabs', cookie, 17 * MB, true)).toBe(413)
      expect(await upload(h.base, '/api/listLabs', cookie, 17 * MB)).toBe(413)
      const res = await fetch(`${h.base}/api/renameExperiment`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ experimentId: 1, name: 'x'.repeat(17 * MB) }) })
      expect(res.status).toBe(413)
      expect(((await res.json()) as { error: string }).error).toBe('request body too large: the limit is 16 MB')
      expect(await upload(h.base, '/api/listLabs', cookie, 1 * MB)).toBe(200)
    } finally {
      await h.close()
    }
  })

  it('a bundle import goes through a temporary file with its own limit; a second one at once waits its turn (503)', async () => {
    const h = await startHarness({ web: { limits: { importBodyBytes: 4 * MB } } })
    try {
      const client = await pageClient(h.base)
      const started = await client.call('startLab', { labId: 'paths-2d', params: {}, name: 'hand-in' })
      const bundle = await client.call('exportBundle', { experimentIds: [started.body.experimentId] })
      const imported = await client.call('importBundle', { bundle: bundle.body })
      expect(imported.status, JSON.stringify(imported.body)).toBe(200)
      expect(await upload(h.base, '/api/importBundle', client.cookie, 5 * MB)).toBe(413)
      // while one import is being received (held open half-way), another is refused with 503;
      // the first, once complete, is read whole and refused as not a bundle (it is padding)
      const held = holdOpen(h.base, '/api/importBundle', client.cookie)
      await new Promise((r) => setTimeout(r, 500)) // its headers have reached the server
      expect(await upload(h.base, '/api/importBundle', client.cookie, 10)).toBe(503)
      expect(await held.finish()).toBe(400)
      expect(await upload(h.base, '/api/importBundle', client.cookie, 10)).toBe(400) // its turn now
    } finally {
      await h.close()
    }
  })

  it('event streams are capped: the 33rd is refused with 503', async () => {
    const h = await startHarness()
    try {
      const { cookie } = await pageClient(h.base)
      const controllers: AbortController[] = []
      const statuses: number[] = []
      for (let i = 0; i < 33; i++) {
        const c = new AbortController()
        controllers.push(c)
        statuses.push((await fetch(`${h.base}/api/events`, { headers: { cookie }, signal: c.signal })).status)
      }
      expect(statuses.slice(0, 32).every((s) => s === 200)).toBe(true)
      expect(statuses[32]).toBe(503)
      for (const c of controllers) c.abort()
      await new Promise((r) => setTimeout(r, 200))
      const again = new AbortController()
      expect((await fetch(`${h.base}/api/events`, { headers: { cookie }, signal: again.signal })).status).toBe(200)
      again.abort()
    } finally {
      await h.close()
    }
  })

  it.skipIf(!HAS_PROC)('60 concurrent 60 MB bodies: every one refused, the server stays small and up', async () => {
    const server = await startServerProcess(join(dir, 'concurrent.db'))
    try {
      const page = await fetch(`${server.base}/`)
      const cookie = page.headers.get('set-cookie')?.split(';')[0] ?? ''
      const before = peakRss(server.child.pid!)
      const n = Number(process.env.GLAB_BODY_CLIENTS ?? 60)
      const size = Number(process.env.GLAB_BODY_MB ?? 60) * MB
      const statuses = await Promise.all(Array.from({ length: n }, () => upload(server.base, '/api/listLabs', cookie, size)))
      const peak = peakRss(server.child.pid!)
      const count = (s: number) => statuses.filter((x) => x === s).length
      console.log(`[figures] ${n} concurrent ${size / MB} MB bodies: 413 ×${count(413)}, 503 ×${count(503)}, cut ×${count(0)}; server peak RSS ${Math.round(before / MB)} MB before, ${Math.round(peak / MB)} MB after`)
      expect(server.child.exitCode).toBeNull()
      expect(statuses.every((s) => s === 413 || s === 503)).toBe(true)
      expect(peak).toBeLessThan(before + 200 * MB)
      const ok = await fetch(`${server.base}/api/appInfo`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' })
      expect(ok.status).toBe(200)
    } finally {
      server.child.kill('SIGKILL')
    }
  })
})
