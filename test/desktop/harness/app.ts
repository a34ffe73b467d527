/// <reference lib="dom" />
/**
 * Runs the real built main process (out/main/index.js) under Node with the `electron` stand-in
 * (../standin), and shows its window's page in Playwright's Chromium:
 * - every request of the page to its origin goes through the app's own protocol handler
 *   (`protocol.handle('app', ...)` in the main process) by Playwright request routing;
 * - the real built preload (out/preload/index.js) is evaluated into the page's main frame, with a
 *   `require` that serves only the sandbox's modules, and its `ipcRenderer` is bridged to the
 *   main process's `ipcMain` (exposeBinding; the calling frame's URL becomes `senderFrame.url`);
 * - `webContents.send` from the main process reaches the preload's `ipcRenderer.on` listeners.
 *
 * One mapping is needed: Chromium without Electron cannot register a standard custom scheme
 * (a navigation to app://… is aborted), so the page lives at https://gradient-lab/… and the
 * harness rewrites that origin, and only that one, to app://gradient-lab/… in both directions.
 * What stays untested without the real binary: see the README's architecture section.
 */
import { type ChildProcess, fork } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { BrowserContext, Page } from '@playwright/test'
import { preloadInitScript } from './preload-env'

/** The checkout: the folder above this file that holds electron-builder.yml (or the working directory). */
function findRoot(): string {
  for (let dir = resolve(__dirname); dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'electron-builder.yml'))) return dir
  return process.cwd()
}
export const ROOT = findRoot()
export const PAGE_ORIGIN = 'https://gradient-lab'
export const APP_ORIGIN = 'app://gradient-lab'
const STANDIN = join(ROOT, 'test/desktop/standin/register.cjs')
/** Under Node, Node's own build is the right ABI: passing it by path proves the app uses `nativeBinding`. */
export const NODE_SQLITE_BINDING = join(ROOT, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')

export const toAppUrl = (url: string): string => (url.startsWith(`${PAGE_ORIGIN}/`) || url === PAGE_ORIGIN ? APP_ORIGIN + url.slice(PAGE_ORIGIN.length) : url)
export const toPageUrl = (url: string): string => (url.startsWith(`${APP_ORIGIN}/`) ? PAGE_ORIGIN + url.slice(APP_ORIGIN.length) : url)

type Reply = Record<string, unknown> & { id: number }
interface Sent {
  type: 'send'
  webContentsId: number
  channel: string
  args: unknown[]
}

export interface WindowState {
  webContentsId: number
  url: string
  visible: boolean
  minimized: boolean
  focusCount: number
  preloadSource: string | null
  options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>
}

export interface AppState {
  ready: boolean
  privileged: { scheme: string; privileges: Record<string, boolean> }[]
  handledSchemes: string[]
  windows: WindowState[]
  openedExternally: string[]
  permissionHandlers: { request: boolean; check: boolean }
}

export interface StartOptions {
  userData: string
  /** A file the main process and its trainers append every opened path to. */
  openLog?: string
  /** The app's command-line arguments (after the executable), e.g. a lesson link. */
  args?: string[]
}

export class DesktopApp {
  /** Every protocol request the page made, with the handler's status. */
  readonly served: { url: string; status: number; resourceType: string }[] = []
  readonly forks: string[] = []
  readonly stderr: string[] = []
  private nextId = 1
  private readonly pending = new Map<number, (r: Reply) => void>()
  private readonly pages = new Map<number, Page>()
  private loads: { webContentsId: number; url: string }[] = []
  private loadWaiters: (() => void)[] = []
  private delivery: Promise<unknown> = Promise.resolve()
  readonly exited: Promise<number | null>

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (m: Reply | Sent | { type: string }) => this.onMessage(m))
    child.stderr?.setEncoding('utf8')
    child.stderr?.on('data', (d: string) => this.stderr.push(d))
    this.exited = once(child, 'exit').then(([code]) => code as number | null)
  }

  static start(opts: StartOptions): DesktopApp {
    const child = fork(join(ROOT, 'out/main/index.js'), opts.args ?? [], {
      cwd: ROOT,
      execArgv: ['--require', STANDIN],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
      env: {
        ...process.env,
        GRADIENT_LAB_STANDIN_USERDATA: opts.userData,
        GRADIENT_LAB_SQLITE_BINDING: NODE_SQLITE_BINDING,
        ...(opts.openLog ? { GRADIENT_LAB_OPEN_LOG: opts.openLog } : {}),
      },
    })
    return new DesktopApp(child)
  }

  private onMessage(m: Reply | Sent | { type: string; [k: string]: unknown }): void {
    if (m.type === 'reply') {
      const r = m as Reply
      this.pending.get(r.id)?.(r)
      this.pending.delete(r.id)
    } else if (m.type === 'load') {
      this.loads.push(m as unknown as { webContentsId: number; url: string })
      for (const w of this.loadWaiters.splice(0)) w()
    } else if (m.type === 'utility-fork') {
      this.forks.push(String((m as unknown as { modulePath: string }).modulePath))
    } else if (m.type === 'send') {
      const s = m as Sent
      const page = this.pages.get(s.webContentsId)
      if (!page) return
      // In order, one after the other, as Electron delivers a channel's messages.
      this.delivery = this.delivery
        .then(() => page.evaluate(([channel, args]) => (window as unknown as { __standinDeliver(c: string, a: unknown[]): void }).__standinDeliver(channel as string, args as unknown[]), [s.channel, s.args] as const))
        .catch(() => undefined) // the page may be navigating or closed
    }
  }

  request<T extends Record<string, unknown>>(msg: Record<string, unknown>): Promise<T & Reply> {
    const id = this.nextId++
    return new Promise((resolvePromise, reject) => {
      if (!this.child.connected) return reject(new Error(`the main process is gone (stderr: ${this.stderr.join('').slice(-2000)})`))
      this.pending.set(id, resolvePromise as (r: Reply) => void)
      this.child.send({ ...msg, id })
    })
  }

  state(): Promise<AppState & Reply> {
    return this.request<AppState & Record<string, unknown>>({ type: 'state' })
  }

  /** Waits for the first window's loadURL. */
  async firstLoad(): Promise<{ webContentsId: number; url: string }> {
    return this.load(0)
  }

  /** Waits for the window's load number `n` (0: the first), e.g. one a second launch asked for. */
  async load(n: number): Promise<{ webContentsId: number; url: string }> {
    while (this.loads.length <= n) {
      await Promise.race([new Promise<void>((r) => this.loadWaiters.push(r)), this.exited.then((code) => Promise.reject(new Error(`main process exited (${code}): ${this.stderr.join('')}`)))])
    }
    return this.loads[n]!
  }

  /** The window minimized, as the user would. */
  minimize(webContentsId: number): Promise<Reply> {
    return this.request({ type: 'minimize', webContentsId })
  }

  /** Serves the context's app-origin requests through the main process's protocol handler. */
  async route(context: BrowserContext): Promise<void> {
    await context.route(
      (url) => url.origin === PAGE_ORIGIN,
      async (route) => {
        const req = route.request()
        const r = await this.request<{ status: number; headers: Record<string, string>; body: string }>({
          type: 'protocol',
          url: toAppUrl(req.url()),
          method: req.method(),
          headers: await req.allHeaders(),
        })
        this.served.push({ url: toAppUrl(req.url()), status: r.status, resourceType: req.resourceType() })
        if (r.status < 0) return route.abort('failed')
        await route.fulfill({ status: r.status, headers: r.headers, body: Buffer.from(r.body, 'base64') })
      },
    )
  }

  /**
   * Shows the window's page: the built preload in the main frame, its ipcRenderer bridged to
   * ipcMain as the given webContents (default: the window's own).
   */
  async show(context: BrowserContext, page: Page, opts: { asWebContents?: number } = {}): Promise<void> {
    const load = await this.firstLoad()
    await this.bind(page, opts.asWebContents ?? load.webContentsId)
    // The preload the window names in its webPreferences, as the stand-in's renderer read it.
    const win = (await this.state()).windows.find((w) => w.webContentsId === load.webContentsId)
    if (!win?.preloadSource) throw new Error('the window has no preload script')
    await page.addInitScript({ content: preloadInitScript(win.preloadSource) })
    await page.goto(toPageUrl(load.url))
    await this.request({ type: 'loaded', webContentsId: load.webContentsId })
    void context
  }

  /**
   * Bridges the page's IPC pipe (every frame's `__standinInvoke`) to ipcMain as webContents
   * `webContentsId`; the calling frame's URL is the event's senderFrame.url.
   */
  async bind(page: Page, webContentsId: number): Promise<void> {
    this.pages.set(webContentsId, page)
    await page.exposeBinding('__standinInvoke', async (source, channel: string, args: unknown[]) => {
      const frameUrl = source.frame.url()
      return this.request({ type: 'invoke', webContentsId, frameUrl: toAppUrl(frameUrl), channel, args })
    })
  }

  /** Playwright-side helpers for the security probes. */
  navigate(webContentsId: number, url: string): Promise<{ prevented: boolean } & Reply> {
    return this.request({ type: 'navigate', webContentsId, url })
  }

  windowOpen(webContentsId: number, url: string): Promise<{ action: string } & Reply> {
    return this.request({ type: 'window-open', webContentsId, url })
  }

  permission(webContentsId: number, permission: string, origin: string): Promise<{ check: boolean; request: boolean } & Reply> {
    return this.request({ type: 'permission', webContentsId, permission, origin })
  }

  /** app.quit() as the user's Quit would, then waits for the process to end. */
  async quit(): Promise<number | null> {
    this.child.send({ type: 'quit', id: 0 })
    return this.exited
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return
    this.child.kill('SIGKILL')
    await this.exited
  }
}
