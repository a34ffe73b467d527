/**
 * Another site's page cannot change the history: every write channel is tried the ways a page on
 * http://evil.example can send it (a text/plain "simple" POST that needs no preflight, JSON with
 * its Origin, a cross-site fetch even with the cookie), and nothing is accepted or changed. The
 * event stream needs the cookie too. The app's own page (cookie, JSON, its own Origin) still works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Client, type Harness, pageClient, startHarness } from './server'

let h: Harness
let own: Client
let experimentId = 0
beforeAll(async () => {
  h = await startHarness()
  own = await pageClient(h.base)
  const started = await own.call('startLab', { labId: 'paths-2d', params: {}, name: 'keep me' })
  expect(started.status).toBe(200)
  experimentId = started.body.experimentId as number
})
afterAll(() => h?.close())

const WRITES: [string, () => unknown][] = [
  ['deleteExperiment', () => ({ experimentId })],
  ['renameExperiment', () => ({ experimentId, name: 'pwned' })],
  ['setExperimentTags', () => ({ experimentId, tags: ['pwned'] })],
  ['startLab', () => ({ labId: 'paths-2d', params: {}, name: 'pwned' })],
  ['rerunExperiment', () => ({ experimentId })],
  ['resumeExperiment', () => ({ experimentId })],
  ['cancelExperiment', () => ({ experimentId })],
  ['importBundle', () => ({ bundle: { format: 'gradient-lab-bundle', version: 1, exportedAt: 'x', experiments: [] } })],
  ['saveSpec', () => ({ name: 'pwned', spec: {} })],
  ['deleteSpec', () => ({ name: 'pwned' })],
]

describe('cross-origin writes', () => {
  it('are all refused, and nothing changes', async () => {
    const { cookie } = own
    const attempts: { name: string; headers: Record<string, string> }[] = [
      { name: 'text/plain from evil.example, no cookie', headers: { 'content-type': 'text/plain', origin: 'http://evil.example' } },
      { name: 'form-urlencoded from evil.example', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://evil.example' } },
      { name: 'JSON from evil.example with a leaked cookie', headers: { 'content-type': 'application/json', origin: 'http://evil.example', cookie } },
      { name: 'JSON from another local port with the cookie', headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:1', cookie } },
      { name: 'Origin null (sandboxed frame) with the cookie', headers: { 'content-type': 'application/json', origin: 'null', cookie } },
      { name: 'Sec-Fetch-Site cross-site with the cookie', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site', cookie } },
      { name: 'text/plain with the cookie, no Origin', headers: { 'content-type': 'text/plain', cookie } },
      { name: 'JSON without the cookie', headers: { 'content-type': 'application/json' } },
      { name: 'JSON with a wrong cookie', headers: { 'content-type': 'application/json', cookie: cookie.replace(/=.*/, '=forged') } },
    ]
    let tried = 0
    const accepted: string[] = []
    for (const [channel, body] of WRITES) {
      for (const a of attempts) {
        tried++
        const res = await fetch(`${h.base}/api/${channel}`, { method: 'POST', headers: a.headers, body: JSON.stringify(body()) })
        const text = await res.text()
        if (res.status < 400) accepted.push(`${channel}: ${a.name} → ${res.status}`)
        else expect([401, 403, 415], `${channel}: ${a.name}: ${text}`).toContain(res.status)
      }
    }
    console.log(`[figures] cross-origin writes tried ${tried}, accepted ${accepted.length}`)
    expect(accepted).toEqual([])
    const list = await own.call('listExperiments', {})
    expect((list.body as unknown as { name: string; tags: string[] }[]).map((e) => [e.name, e.tags])).toEqual([['keep me', []]])
    expect(h.app.store.listSpecs()).toEqual([])
  })

  it('the event stream needs the cookie and the own origin', async () => {
    expect((await fetch(`${h.base}/api/events`)).status).toBe(401)
    expect((await fetch(`${h.base}/api/events`, { headers: { cookie: own.cookie, origin: 'http://evil.example' } })).status).toBe(403)
    const controller = new AbortController()
    const ok = await fetch(`${h.base}/api/events`, { headers: { cookie: own.cookie, origin: h.base }, signal: controller.signal })
    expect(ok.status).toBe(200)
    controller.abort()
  })

  it("the app's own page: cookie (SameSite=Strict, HttpOnly), JSON and its own Origin", async () => {
    const page = await fetch(`${h.base}/`)
    expect(page.headers.get('set-cookie')).toMatch(/^gradient-lab-\d+=[\w-]{20,}; Path=\/; HttpOnly; SameSite=Strict$/)
    const res = await fetch(`${h.base}/api/renameExperiment`, {
      method: 'POST',
      headers: { cookie: own.cookie, origin: h.base, 'content-type': 'application/json; charset=utf-8', 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ experimentId, name: 'renamed by its own page' }),
    })
    expect(res.status).toBe(200)
  })
})
