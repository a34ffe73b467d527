/** The app:// handler and the guards, on real files, with the Request/Response Electron hands us. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { externalAllowed, permissionAllowed, senderAllowed } from '../../src/main/electron/guards'
import { APP_CSP, isAppUrl, serveRenderer } from '../../src/main/electron/scheme'

const root = mkdtempSync(join(tmpdir(), 'gradient-lab-scheme-'))
const renderer = join(root, 'renderer')
mkdirSync(join(renderer, 'assets'), { recursive: true })
writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>x</title>')
writeFileSync(join(renderer, 'assets', 'main.js'), 'export {}')
writeFileSync(join(root, 'secret.txt'), 'not for the page')

const get = (url: string, method = 'GET') => serveRenderer(renderer, new Request(url, { method }))

describe('serveRenderer', () => {
  it('serves the folder’s files with their type and the CSP', async () => {
    const index = await get('app://gradient-lab/')
    expect(index.status).toBe(200)
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(index.headers.get('content-security-policy')).toBe(APP_CSP)
    expect(await index.text()).toContain('<title>x</title>')
    const js = await get('app://gradient-lab/assets/main.js?v=1#x')
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await js.text()).toBe('export {}')
  })
  it('refuses what lies outside the folder, whatever the encoding', async () => {
    for (const url of ['app://gradient-lab/..%2Fsecret.txt', 'app://gradient-lab/assets/..%2F..%2Fsecret.txt', 'app://gradient-lab/%2E%2E%2Fsecret.txt', 'app://gradient-lab/%00index.html']) {
      const r = await get(url)
      expect(r.status, url).toBe(403)
      expect(await r.text()).not.toContain('not for the page')
    }
    expect((await get('app://gradient-lab/../secret.txt')).status, 'resolved by the URL parser, inside the folder').toBe(404)
  })
  it('answers other hosts, methods, folders and missing files with an error status', async () => {
    expect((await get('app://other-host/index.html')).status).toBe(404)
    expect((await get('app://gradient-lab/index.html', 'POST')).status).toBe(405)
    expect((await get('app://gradient-lab/assets')).status).toBe(404)
    expect((await get('app://gradient-lab/nope.js')).status).toBe(404)
    expect((await get('app://gradient-lab/%E0%A4%A')).status).toBe(400)
  })
})

describe('guards', () => {
  it('knows our origin', () => {
    expect(isAppUrl('app://gradient-lab/index.html#/history')).toBe(true)
    for (const u of ['app://gradient-lab.evil/x', 'https://gradient-lab/', 'file:///index.html', 'about:blank', '', undefined, 'not a url']) expect(isAppUrl(u), String(u)).toBe(false)
  })
  it('lets only our window’s own-origin frame call the API', () => {
    const ours = { sender: { id: 3 }, senderFrame: { url: 'app://gradient-lab/index.html' } }
    expect(senderAllowed(ours, 3)).toBe(true)
    expect(senderAllowed(ours, 4), 'another window').toBe(false)
    expect(senderAllowed(ours, undefined), 'no window yet').toBe(false)
    expect(senderAllowed({ ...ours, senderFrame: { url: 'about:blank' } }, 3), 'another frame').toBe(false)
    expect(senderAllowed({ ...ours, senderFrame: { url: 'https://evil.test/' } }, 3), 'another origin').toBe(false)
    expect(senderAllowed({ ...ours, senderFrame: null }, 3), 'a frame gone').toBe(false)
  })
  it('opens only allow-listed links, exactly', () => {
    expect(externalAllowed('https://example.com/')).toBe(false)
    const list = ['https://example.org/book']
    expect(externalAllowed('https://example.org/book', list)).toBe(true)
    expect(externalAllowed('https://example.org/book/../evil', list)).toBe(false)
  })
  it('grants no permission', () => {
    for (const p of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) expect(permissionAllowed(p, 'app://gradient-lab/index.html')).toBe(false)
  })
})
