/**
 * Nothing a client sends ends the server: odd request targets (bad percent-encoding, `//[`),
 * every method on every kind of path, malformed headers, and malformed bodies on every channel.
 * The server runs in its own process, so a crash is an exit; every answer must be a 4xx (with a
 * JSON error naming what is wrong, for the API), never a 5xx, a reset or silence.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHANNEL_NAMES } from '../../src/shared/api'
import { HAS_PROC, startServerProcess } from './procs'

const dir = mkdtempSync(join(tmpdir(), 'glab-req-'))
let server: Awaited<ReturnType<typeof startServerProcess>>
let cookie = ''
beforeAll(async () => {
  server = await startServerProcess(join(dir, 'lab.db'))
  const page = await fetch(`${server.base}/`)
  cookie = page.headers.get('set-cookie')?.split(';')[0] ?? ''
  await page.arrayBuffer()
})
afterAll(() => {
  server?.child.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

/** Sends raw bytes and returns the status line's code (0: no answer, the connection was cut). */
function raw(request: string): Promise<number> {
  const { port } = new URL(server.base)
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1')
    let data = ''
    socket.setEncoding('latin1')
    socket.on('data', (d: string) => (data += d))
    socket.on('error', () => undefined)
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0)))
    socket.setTimeout(10_000, () => socket.destroy())
    socket.write(request) // not end(): a half-closed client is not what browsers do (Connection: close ends it)
  })
}

const get = (target: string, headers = '') => `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}Connection: close\r\n\r\n`

const TARGETS = ['/%', '/%E0%A4%A', '/%zz', '//[', '/api/%', '/api/%E0%A4%A', '/api/%zz', '/%00', '/a%00b', '/..%2f..%2f..%2fetc%2fpasswd', '/api/events?%', '/api/listLabs?token=%zz', '//[::1', 'http://[/', '*', `/${'a'.repeat(8000)}`, '/api/', '/api/../api/listLabs', '/%ff%fe', '/\u00e9']

const MALFORMED_BODIES = ['{', 'null', '[]', '"text"', '123', 'true', '{"a":', '\u0000', '{"__proto__":{"x":1}}', JSON.stringify({ labId: 5 }), JSON.stringify({ experimentId: 'x' }), JSON.stringify({ experimentId: -1, runIds: [0], name: 7, tags: 'x', bundle: null, spec: [] })]

describe.skipIf(!HAS_PROC)('requests that used to end the server', () => {
  it('odd targets, methods, headers and bodies: all answered 4xx, none crashes the server', async () => {
    let tried = 0
    const outcomes: string[] = []
    const bad: string[] = []
    const note = (what: string, status: number) => {
      tried++
      if (status >= 400 && status < 500) outcomes.push('refused')
      else if (status >= 200 && status < 400) outcomes.push('answered')
      else bad.push(`${what} → ${status || 'no answer'}`)
    }
    for (const t of TARGETS) note(`GET ${t}`, await raw(get(t)))
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'BREW']) {
      for (const t of ['/', '/%', '/api/listLabs', '/api/events', '/api/%zz']) {
        note(`${method} ${t}`, await raw(`${method} ${t} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${cookie}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`))
      }
    }
    for (const h of ['Bad Header\r\n', 'Content-Length: x\r\n', 'Content-Length: 5\r\nContent-Length: 6\r\n', 'Transfer-Encoding: chunked\r\nContent-Length: 3\r\n', `X-Long: ${'b'.repeat(20_000)}\r\n`]) {
      note(`header ${h.slice(0, 30)}`, await raw(get('/api/listLabs', h)))
    }
    note('garbage request line', await raw('\u0016\u0003\u0001\u0000\u00a5\r\n\r\n'))
    let named = 0
    for (const channel of [...CHANNEL_NAMES, 'nope', '__proto__', 'constructor', 'toString']) {
      for (const body of MALFORMED_BODIES) {
        const res = await fetch(`${server.base}/api/${channel}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body })
        const text = await res.text()
        if (res.status < 400) {
          tried++
          outcomes.push('answered') // a body that happens to be valid for this channel (e.g. listLabs ignores fields)
          continue
        }
        note(`${channel} ${body.slice(0, 40)}`, res.status)
        const error = (JSON.parse(text) as { error?: unknown }).error
        expect(typeof error, `${channel} ${body}: ${text}`).toBe('string')
        if (/:/.test(String(error))) named++
      }
    }
    // the server is still there and answers
    expect(server.child.exitCode).toBeNull()
    const ok = await fetch(`${server.base}/api/appInfo`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' })
    expect(ok.status).toBe(200)
    const refused = outcomes.filter((o) => o === 'refused').length
    console.log(`[figures] requests tried ${tried}, refused ${refused}, answered ${tried - refused - bad.length}, 5xx or no answer ${bad.length}, crashes ${server.child.exitCode === null ? 0 : 1}; API refusals naming a field or channel ${named}`)
    expect(bad).toEqual([])
  })

  it('a validation refusal names the field', async () => {
    const res = await fetch(`${server.base}/api/startLab`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ labId: 'optimizers-mnist', params: { batchSize: 0 } }),
    })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: string }).error).toMatch(/^params\.batchSize: /)
  })

  it('a bad since/until date is a 400 naming the field, not a 500', async () => {
    for (const since of ['yesterday', '2025-13-45', '\u0000']) {
      const res = await fetch(`${server.base}/api/listExperiments`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ since }) })
      expect(res.status).toBe(400)
      expect(((await res.json()) as { error: string }).error).toMatch(/since: .* is not a date/)
    }
  })
})
