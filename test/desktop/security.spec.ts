/// <reference lib="dom" />
/**
 * The window meets ARCHITECTURE's security baseline, the app:// handler serves only its folder
 * with the CSP, and only our window's own frame may call the API.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { CHANNEL_NAMES } from '../../src/shared/ipc'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { APP_ORIGIN, ROOT } from './harness/app'

test('the window: the security baseline, the app:// scheme, the preload bridge', async ({ desktop, page }) => {
  const state = await desktop.state()
  expect(state.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) }])
  expect(state.privileged[0]!.privileges.bypassCSP).toBeFalsy()
  expect(state.handledSchemes).toEqual(['app'])
  expect(state.windows).toHaveLength(1)
  const win = state.windows[0]!
  expect(win.url).toBe(`${APP_ORIGIN}/index.html`)
  expect(win.visible, 'shown on ready-to-show').toBe(true)
  const prefs = win.options.webPreferences!
  expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true })
  expect(prefs.nodeIntegrationInWorker).toBeFalsy()
  expect(prefs.nodeIntegrationInSubFrames).toBeFalsy()
  expect(prefs.allowRunningInsecureContent).toBeFalsy()
  expect(prefs.webviewTag).toBeFalsy()
  expect(prefs.preload).toBe(join(ROOT, 'out/preload/index.js'))
  expect(existsSync(String(prefs.preload))).toBe(true)
  expect(state.permissionHandlers).toEqual({ request: true, check: true })

  // The preload bridged: every channel plus onEvent, and the app talks through it.
  const keys = await page.evaluate(() => Object.keys((window as unknown as { gradientLab: object }).gradientLab).sort())
  expect(keys).toEqual([...CHANNEL_NAMES, 'onEvent'].sort())
  const info = await page.evaluate(() => (window as unknown as { gradientLab: { appInfo(r: object): Promise<{ mode: string; dbPath: string }> } }).gradientLab.appInfo({}))
  expect(info.mode).toBe('electron')
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible()
  await page.screenshot({ path: 'test-results/desktop/home.png' })
})

test('app:// serves the renderer folder with the CSP and nothing outside it', async ({ desktop }) => {
  const get = (url: string, method = 'GET') => desktop.request<{ status: number; headers: Record<string, string>; body: string }>({ type: 'protocol', url, method, headers: {} })
  const index = await get(`${APP_ORIGIN}/index.html`)
  expect(index.status).toBe(200)
  expect(index.headers['content-type']).toMatch(/^text\/html/)
  expect(index.headers['content-security-policy']).toMatch(/default-src 'self'/)
  expect(index.headers['content-security-policy']).toMatch(/object-src 'none'/)
  // Encoded slashes survive URL parsing, so the handler's own folder check must refuse them.
  for (const bad of [`${APP_ORIGIN}/..%2F..%2Fpackage.json`, `${APP_ORIGIN}/assets/..%2F..%2F..%2Fpackage.json`, `${APP_ORIGIN}/%2E%2E%2Fmain%2Findex.js`]) {
    const r = await get(bad)
    expect(r.status, bad).toBe(403)
    expect(Buffer.from(r.body, 'base64').toString()).toMatch(/outside the app's folder/)
  }
  // Plain dot segments are resolved by the URL parser itself, inside the folder: not found.
  expect((await get(`${APP_ORIGIN}/%2e%2e/package.json`)).status).toBe(404)
  expect((await get('app://elsewhere/index.html')).status).toBe(404)
  expect((await get(`${APP_ORIGIN}/no-such-file.js`)).status).toBe(404)
  expect((await get(`${APP_ORIGIN}/index.html`, 'POST')).status).toBe(405)
})

test('a call from another frame, another origin or another window is refused', async ({ desktop, page, context }) => {
  type Invoke = (c: string, a: unknown[]) => Promise<{ value?: { ok: boolean; value?: unknown; error?: string } }>
  const call = (frame: { evaluate: Page['evaluate'] }) =>
    frame.evaluate(() => (window as unknown as { __standinInvoke: Invoke }).__standinInvoke('lab:call', ['listExperiments', {}]))
  const refused = { ok: false, error: expect.stringMatching(/sender not allowed/) }

  // Our own frame: allowed.
  expect((await call(page)).value).toEqual({ ok: true, value: [] })

  // Another frame inside our window sends the IPC message itself: its senderFrame is not ours.
  await page.evaluate(() => {
    const f = document.createElement('iframe')
    f.name = 'other'
    document.body.append(f)
  })
  const frame = page.frame({ name: 'other' })!
  expect(frame.url()).toBe('about:blank')
  expect((await call(frame)).value).toEqual(refused)
  expect(await frame.evaluate(() => 'gradientLab' in window), 'no preload in subframes').toBe(false)

  // Our window, navigated to another origin.
  const { webContentsId } = await desktop.firstLoad()
  await context.route('https://elsewhere.test/**', (route) => route.fulfill({ contentType: 'text/html', body: '<p>not ours</p>' }))
  const elsewhere = await context.newPage()
  await desktop.bind(elsewhere, webContentsId)
  await elsewhere.goto('https://elsewhere.test/page.html')
  expect((await call(elsewhere)).value).toEqual(refused)

  // Another window (webContents) showing our very page.
  const other = await context.newPage()
  await desktop.show(context, other, { asWebContents: webContentsId + 100 })
  expect((await call(other)).value).toEqual(refused)
  await expect(other.evaluate(() => (window as unknown as { gradientLab: { listExperiments(r: object): Promise<unknown> } }).gradientLab.listExperiments({}))).rejects.toThrow(/sender not allowed/)
})

test('navigation, new windows, external links and permissions are locked down', async ({ desktop }) => {
  const { webContentsId } = await desktop.firstLoad()
  expect((await desktop.navigate(webContentsId, 'https://example.com/')).prevented).toBe(true)
  expect((await desktop.navigate(webContentsId, 'file:///etc/passwd')).prevented).toBe(true)
  expect((await desktop.navigate(webContentsId, 'app://gradient-lab.evil/index.html')).prevented).toBe(true)
  expect((await desktop.navigate(webContentsId, `${APP_ORIGIN}/index.html#/history`)).prevented).toBe(false)
  expect((await desktop.windowOpen(webContentsId, 'https://example.com/')).action).toBe('deny')
  expect((await desktop.windowOpen(webContentsId, `${APP_ORIGIN}/index.html`)).action).toBe('deny')
  // No link of the page is on the allow-list, so nothing was handed to the user's browser.
  expect((await desktop.state()).openedExternally).toEqual([])
  for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'midi']) {
    expect(await desktop.permission(webContentsId, permission, APP_ORIGIN), permission).toMatchObject({ check: false, request: false })
  }
})
