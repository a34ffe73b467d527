/** Browser mode's HTTP server: API over POST, events over SSE, token and host checks (abuse cases: test/hardening). */
import { request } from 'node:http'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startWebServer, type WebServer } from '../../src/main/web/server'
import { makeApp, tempDir } from '../service/helpers'

let t: ReturnType<typeof tempDir>
let app: ReturnType<typeof makeApp>
let web: WebServer
beforeEach(() => {
  t = tempDir()
  app = makeApp(t.dir)
})
afterEach(async () => {
  await web?.close()
  app.close()
  t.cleanup()
})

const base = () => web.url.replace(/\/(\?.*)?$/, '')

/** Headers of the app's own page: its per-launch cookie (from loading '/') and a JSON body type. */
async function pageHeaders(): Promise<Record<string, string>> {
  const page = await fetch(`${base()}/`)
  await page.arrayBuffer()
  return { cookie: page.headers.get('set-cookie')!.split(';')[0]!, 'content-type': 'application/json' }
}

describe('web server', () => {
  it('answers the API as JSON and refuses bad payloads with 400 and the reason', async () => {
    web = await startWebServer({ service: app.service, staticDir: null })
    const headers = await pageHeaders()
    const ok = await fetch(`${base()}/api/listLabs`, { method: 'POST', headers, body: '{}' })
    expect(ok.status).toBe(200)
    const labs = (await ok.json()) as { labs: { id: string }[] }
    expect(labs.labs.map((l) => l.id)).toContain('optimizers-mnist')
    const bad = await fetch(`${base()}/api/startLab`, { method: 'POST', headers, body: JSON.stringify({ labId: 'optimizers-mnist', params: { batchSize: 0 } }) })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: string }).error).toMatch(/params\.batchSize/)
    const notJson = await fetch(`${base()}/api/listLabs`, { method: 'POST', headers, body: '{' })
    expect(notJson.status).toBe(400)
    expect((await fetch(`${base()}/api/nope`, { method: 'POST', headers })).status).toBe(404)
    expect((await fetch(`${base()}/api/listLabs`, { headers })).status).toBe(405)
  })

  it('streams run events over SSE', async () => {
    web = await startWebServer({ service: app.service, staticDir: null })
    const headers = await pageHeaders()
    const controller = new AbortController()
    const res = await fetch(`${base()}/api/events`, { headers, signal: controller.signal })
    const reader = res.body!.getReader()
    await fetch(`${base()}/api/startLab`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ labId: 'optimizers-mnist', params: { iterations: 5, evalEvery: 5, hidden: [8], optimizers: [{ kind: 'sgd' }] } }),
    })
    let text = ''
    while (!text.includes('"run.finished"')) {
      const { value, done } = await reader.read()
      if (done) break
      text += new TextDecoder().decode(value)
    }
    controller.abort()
    expect(text).toContain('"type":"run.metrics"')
    expect(text).toContain('"type":"run.finished"')
    await app.runs.whenIdle()
  })

  it('with a token, refuses API calls without it', async () => {
    web = await startWebServer({ service: app.service, staticDir: null, token: 'secret' })
    expect(web.url).toContain('?token=secret')
    expect((await fetch(`${base()}/api/listLabs`, { method: 'POST' })).status).toBe(401)
    expect((await fetch(`${base()}/api/listLabs`, { method: 'POST', headers: { 'x-lab-token': 'secret', 'content-type': 'application/json' } })).status).toBe(200)
    // LAN mode hands out no cookie: the page's URL carries the token
    expect((await fetch(`${base()}/`)).headers.get('set-cookie')).toBeNull()
  })

  it('on loopback, answers only to loopback host names (DNS rebinding)', async () => {
    web = await startWebServer({ service: app.service, staticDir: null })
    const port = new URL(web.url).port
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/listLabs', method: 'POST', headers: { host: 'evil.example:80' } }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(403)
  })
})
