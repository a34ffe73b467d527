/** Browser mode answers lesson links (/labs/<lab>?…) with the app's page at that lab, on loopback and on --lan. */
import { networkInterfaces } from 'node:os'
import { describe, expect, it } from 'vitest'
import { lanOrigins } from '../../src/main/web/address'
import { startWebServer, type WebServer } from '../../src/main/web/server'
import { makeApp, tempDir } from '../service/helpers'

/** Runs `fn` against a fresh server (own database) and closes everything after. */
async function withServer(opts: { token?: string }, fn: (get: (path: string, headers?: Record<string, string>) => Promise<Response>, web: WebServer) => Promise<void>): Promise<void> {
  const t = tempDir()
  const app = makeApp(t.dir)
  const web = await startWebServer({ service: app.service, staticDir: null, host: '127.0.0.1', ...opts })
  const base = web.url.replace(/\/(\?.*)?$/, '')
  try {
    await fn((path, headers = {}) => fetch(`${base}${path}`, { redirect: 'manual', headers }), web)
  } finally {
    await web.close()
    app.close()
    t.cleanup()
  }
}

describe('lesson links in browser mode', () => {
  it("redirects /labs/<lab>?… to the page's hash route, and refuses an unknown lab saying why", () =>
    withServer({}, async (get) => {
      const ok = await get('/labs/optimizers-mnist?iterations=700&optimizers=sgd,adam')
      expect(ok.status).toBe(302)
      expect(ok.headers.get('location')).toBe('/#/labs/optimizers-mnist?iterations=700&optimizers=sgd%2Cadam')
      expect((await get('/labs/overfit')).headers.get('location')).toBe('/#/labs/overfit')
      const bad = await get('/labs/no-such-lab?x=1')
      expect(bad.status).toBe(404)
      expect(await bad.text()).toMatch(/there is no lab 'no-such-lab' \(labs: paths-2d, optimizers-mnist/)
      expect((await get('/labs/overfit/deeper')).status).toBe(404)
    }))

  it('on --lan keeps the token in the page address and tells the page the classroom address', () =>
    withServer({ token: 'tok' }, async (get, web) => {
      const r = await get('/labs/overfit?cure=dropout&token=tok')
      expect(r.headers.get('location')).toBe('/?token=tok#/labs/overfit?cure=dropout')
      const port = Number(new URL(web.url).port)
      expect(web.lanUrls).toEqual(lanOrigins(port).map((o) => `${o}/?token=tok`))
      expect((await get('/api/address')).status).toBe(401)
      const address = await get('/api/address', { 'x-lab-token': 'tok' })
      expect(await address.json()).toEqual({ lanOrigins: lanOrigins(port) })
    }))

  it('lists non-internal IPv4 addresses only', () => {
    const fake = {
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
      eth0: [
        { address: '192.168.0.5', family: 'IPv4', internal: false },
        { address: 'fe80::1', family: 'IPv6', internal: false },
      ],
    } as unknown as ReturnType<typeof networkInterfaces>
    expect(lanOrigins(5177, fake)).toEqual(['http://192.168.0.5:5177'])
  })
})
