/**
 * A stand-in for the `electron` module's main-process API, small, for exactly what
 * src/main/electron uses, so the real built out/main/index.js runs under Node here (the Electron
 * binary cannot be downloaded on our machines). Each behaviour follows Electron's documentation:
 *
 * - app (https://www.electronjs.org/docs/latest/api/app): `whenReady()` resolves once, after
 *   the 'ready' event; `getPath('userData')` (the test's folder, GRADIENT_LAB_STANDIN_USERDATA;
 *   an unknown name throws); `isPackaged` false (a checkout); `quit()` emits 'before-quit'
 *   (preventDefault stops it), closes every window, then 'will-quit' and 'quit', then exits;
 *   'window-all-closed' is emitted when the last window closes, but not during app.quit().
 *   `requestSingleInstanceLock(additionalData)`
 *   (https://www.electronjs.org/docs/latest/api/app#apprequestsingleinstancelockadditionaldata):
 *   synchronous; true in the primary instance, false in a later one, which has then sent its
 *   parameters to the primary. The lock is per user-data folder, as Chromium's process singleton
 *   is: a `SingletonLock` file there names the primary's pid (a dead primary's lock is stale and
 *   taken over). `hasSingleInstanceLock()`, `releaseSingleInstanceLock()`. The primary emits
 *   'second-instance' (https://www.electronjs.org/docs/latest/api/app#event-second-instance) with
 *   (event, argv, workingDirectory, additionalData), only after 'ready'; the later instance's
 *   message travels as a file in the folder's `SingletonMailbox/` (Chromium uses a socket there).
 * - protocol (https://www.electronjs.org/docs/latest/api/protocol): `registerSchemesAsPrivileged`
 *   only before 'ready' and only once; `handle(scheme, handler)` only after 'ready', one handler
 *   per scheme; the handler takes a Request and returns a Response or a Promise of one.
 * - BrowserWindow (https://www.electronjs.org/docs/latest/api/browser-window): records its options
 *   (webPreferences), `loadURL` resolves when the page has loaded (the harness says so), then
 *   'ready-to-show'; `getAllWindows()`; `close()` emits 'close' and 'closed'; `minimize()`,
 *   `isMinimized()`, `restore()` (from minimized to the previous state), `focus()`.
 * - webContents (https://www.electronjs.org/docs/latest/api/web-contents): a numeric `id`;
 *   `send(channel, ...args)` (structured clone: the control channel uses Node's 'advanced'
 *   serialization); `setWindowOpenHandler` (its `{ action }` decides); 'will-navigate' with an
 *   event carrying `url` and `preventDefault()`; `getURL()`.
 * - ipcMain (https://www.electronjs.org/docs/latest/api/ipc-main#ipcmainhandlechannel-listener):
 *   one `handle` per channel (a second throws); the listener gets an IpcMainInvokeEvent
 *   (https://www.electronjs.org/docs/latest/api/structures/ipc-main-invoke-event: `sender` is the
 *   window's webContents, `senderFrame.url` the calling frame's URL); its return value or promise
 *   is the reply; a throw rejects the caller with the message only.
 * - session.defaultSession (https://www.electronjs.org/docs/latest/api/session):
 *   `setPermissionRequestHandler(handler(webContents, permission, callback, details))` and
 *   `setPermissionCheckHandler(handler(webContents, permission, requestingOrigin))`.
 * - shell.openExternal (https://www.electronjs.org/docs/latest/api/shell): recorded, never opened.
 * - utilityProcess.fork (https://www.electronjs.org/docs/latest/api/utility-process): a real child
 *   process running `modulePath` with `args`; `postMessage(message)`; events 'spawn', 'message'
 *   (the message itself), 'exit' (the exit code); `kill()` sends SIGTERM and returns a boolean;
 *   `stdout`/`stderr` streams when stdio is 'pipe'. Inside the child, ./utility-child.cjs gives
 *   `process.parentPort` (https://www.electronjs.org/docs/latest/api/parent-port).
 *
 * The test drives it over Node's IPC channel (this process is forked by ../harness/app.ts):
 * invokes from the page, protocol requests, navigation and permission probes, quit.
 */
'use strict'
const { EventEmitter } = require('node:events')
const { fork } = require('node:child_process')
const fs = require('node:fs')
const { join } = require('node:path')

const control = (msg) => process.send?.(msg)
let ready = false

// --- app ---------------------------------------------------------------------------------------
class App extends EventEmitter {
  constructor() {
    super()
    this.isPackaged = false
    this.quitting = false
    this.readyPromise = new Promise((resolve) => this.once('ready', resolve))
  }
  whenReady() {
    return this.readyPromise
  }
  isReady() {
    return ready
  }
  getPath(name) {
    if (name === 'userData') return process.env.GRADIENT_LAB_STANDIN_USERDATA
    throw new Error(`Failed to get '${name}' path (the stand-in knows only userData)`)
  }
  getVersion() {
    return process.versions.electron
  }
  requestSingleInstanceLock(additionalData) {
    if (this.lockHeld) return true
    const dir = this.getPath('userData')
    const lock = join(dir, 'SingletonLock')
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        fs.writeFileSync(lock, String(process.pid), { flag: 'wx' })
        this.lockHeld = true
        process.once('exit', () => this.releaseSingleInstanceLock())
        return true
      } catch (err) {
        if (err.code !== 'EEXIST') throw err
        const owner = Number(fs.readFileSync(lock, 'utf8'))
        if (!alive(owner)) {
          fs.rmSync(lock, { force: true }) // the primary died without releasing: stale
          continue
        }
        const box = join(dir, 'SingletonMailbox')
        fs.mkdirSync(box, { recursive: true })
        const name = `${process.pid}-${Date.now()}.json`
        const message = { argv: process.argv, workingDirectory: process.cwd(), additionalData: additionalData ?? null }
        fs.writeFileSync(join(box, `.${name}`), JSON.stringify(message))
        fs.renameSync(join(box, `.${name}`), join(box, name))
        return false
      }
    }
    return false
  }
  hasSingleInstanceLock() {
    return !!this.lockHeld
  }
  releaseSingleInstanceLock() {
    if (!this.lockHeld) return
    this.lockHeld = false
    const lock = join(this.getPath('userData'), 'SingletonLock')
    try {
      if (fs.readFileSync(lock, 'utf8') === String(process.pid)) fs.rmSync(lock)
    } catch {
      // already gone
    }
  }
  /** The primary reads later instances' messages once it is ready (the event comes after 'ready'). */
  deliverSecondInstances() {
    if (!this.lockHeld) return
    const box = join(this.getPath('userData'), 'SingletonMailbox')
    let names = []
    try {
      names = fs.readdirSync(box).filter((n) => !n.startsWith('.')).sort()
    } catch {
      return
    }
    for (const name of names) {
      const file = join(box, name)
      const m = JSON.parse(fs.readFileSync(file, 'utf8'))
      fs.rmSync(file)
      this.emit('second-instance', { preventDefault() {} }, m.argv, m.workingDirectory, m.additionalData)
      control({ type: 'second-instance', argv: m.argv })
    }
  }
  quit() {
    if (this.quitting) return
    let prevented = false
    this.emit('before-quit', { preventDefault: () => (prevented = true) })
    if (prevented) return
    this.quitting = true
    for (const w of [...windows]) w.close()
    let stay = false
    this.emit('will-quit', { preventDefault: () => (stay = true) })
    if (stay) return
    this.emit('quit', {}, 0)
    for (const child of children) child.kill()
    control({ type: 'quit' })
    setImmediate(() => process.exit(0))
  }
}
const app = new App()

function alive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return err.code === 'EPERM'
  }
}

// --- protocol ----------------------------------------------------------------------------------
const privileged = []
const protocolHandlers = new Map()
const protocol = {
  registerSchemesAsPrivileged(schemes) {
    if (ready) throw new Error('protocol.registerSchemesAsPrivileged must be called before the app is ready')
    if (privileged.length) throw new Error('protocol.registerSchemesAsPrivileged can be called only once')
    privileged.push(...schemes)
  },
  handle(scheme, handler) {
    if (!ready) throw new Error('protocol.handle can only be used after the ready event')
    if (protocolHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`)
    protocolHandlers.set(scheme, handler)
  },
  isProtocolHandled: (scheme) => protocolHandlers.has(scheme),
}

// --- windows -----------------------------------------------------------------------------------
let nextContentsId = 1
const windows = []
const openedExternally = []

class WebContents extends EventEmitter {
  constructor() {
    super()
    this.id = nextContentsId++
    this.url = ''
    this.windowOpenHandler = null
  }
  send(channel, ...args) {
    control({ type: 'send', webContentsId: this.id, channel, args })
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler
  }
  getURL() {
    return this.url
  }
}

class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return [...windows]
  }
  constructor(options = {}) {
    super()
    this.options = options
    this.webContents = new WebContents()
    this.visible = false
    this.minimized = false
    this.focusCount = 0
    this.loadWaiters = []
    windows.push(this)
  }
  loadURL(url) {
    this.webContents.url = url
    // The renderer reads the preload script named in webPreferences when the page loads.
    const preload = this.options.webPreferences?.preload
    if (preload) this.preloadSource = require('node:fs').readFileSync(preload, 'utf8')
    control({ type: 'load', webContentsId: this.webContents.id, url })
    return new Promise((resolve) => this.loadWaiters.push(resolve))
  }
  loaded() {
    for (const w of this.loadWaiters.splice(0)) w()
    this.emit('ready-to-show')
  }
  show() {
    this.visible = true
  }
  minimize() {
    this.minimized = true
  }
  isMinimized() {
    return this.minimized
  }
  restore() {
    this.minimized = false
  }
  focus() {
    this.focusCount++
  }
  close() {
    const i = windows.indexOf(this)
    if (i < 0) return
    this.emit('close', { preventDefault() {} })
    windows.splice(i, 1)
    this.emit('closed')
    if (windows.length === 0 && !app.quitting) app.emit('window-all-closed')
  }
}

// --- ipcMain -----------------------------------------------------------------------------------
const invokeHandlers = new Map()
const ipcMain = Object.assign(new EventEmitter(), {
  handle(channel, listener) {
    if (invokeHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    invokeHandlers.set(channel, listener)
  },
  removeHandler(channel) {
    invokeHandlers.delete(channel)
  },
})

// --- session -----------------------------------------------------------------------------------
const defaultSession = {
  permissionRequestHandler: null,
  permissionCheckHandler: null,
  setPermissionRequestHandler(handler) {
    this.permissionRequestHandler = handler
  },
  setPermissionCheckHandler(handler) {
    this.permissionCheckHandler = handler
  },
}

const shell = {
  openExternal(url) {
    openedExternally.push(url)
    return Promise.resolve()
  },
}

// --- utilityProcess ----------------------------------------------------------------------------
const children = new Set()
const utilityProcess = {
  fork(modulePath, args = [], options = {}) {
    const pipe = options.stdio === 'pipe'
    const child = fork(modulePath, args, {
      execArgv: ['--require', join(__dirname, 'utility-child.cjs')],
      stdio: ['ignore', pipe ? 'pipe' : 'inherit', pipe ? 'pipe' : 'inherit', 'ipc'],
      serialization: 'advanced',
      env: options.env ?? process.env,
      cwd: options.cwd,
    })
    children.add(child)
    control({ type: 'utility-fork', modulePath, serviceName: options.serviceName ?? null })
    const u = new EventEmitter()
    u.pid = child.pid
    u.stdout = child.stdout ?? null
    u.stderr = child.stderr ?? null
    u.postMessage = (message) => {
      if (child.connected) child.send(message)
    }
    u.kill = () => (child.exitCode === null && child.signalCode === null ? child.kill('SIGTERM') : false)
    child.once('spawn', () => u.emit('spawn'))
    child.on('message', (m) => u.emit('message', m))
    child.once('exit', (code, signal) => {
      children.delete(child)
      u.pid = undefined
      u.emit('exit', code ?? (signal ? 128 : 0))
    })
    return u
  },
}

// --- the control channel from the test ---------------------------------------------------------
const contentsById = (id) => windows.find((w) => w.webContents.id === id)?.webContents
const reply = (id, body) => control({ type: 'reply', id, ...body })

function windowState(w) {
  return { webContentsId: w.webContents.id, url: w.webContents.url, visible: w.visible, minimized: w.minimized, focusCount: w.focusCount, options: w.options, preloadSource: w.preloadSource ?? null }
}

async function onControl(msg) {
  switch (msg.type) {
    case 'invoke': {
      const sender = contentsById(msg.webContentsId) ?? { id: msg.webContentsId, send() {} }
      const event = { type: 'frame', processId: 1, frameId: msg.frameId ?? 1, sender, senderFrame: msg.frameUrl === null ? null : { url: msg.frameUrl } }
      const handler = invokeHandlers.get(msg.channel)
      if (!handler) return reply(msg.id, { error: `No handler registered for '${msg.channel}'` })
      try {
        return reply(msg.id, { value: await handler(event, ...msg.args) })
      } catch (err) {
        return reply(msg.id, { error: err instanceof Error ? err.message : String(err) })
      }
    }
    case 'protocol': {
      const scheme = new URL(msg.url).protocol.slice(0, -1)
      const handler = protocolHandlers.get(scheme)
      if (!handler) return reply(msg.id, { status: -1, headers: {}, body: '' })
      const res = await handler(new Request(msg.url, { method: msg.method, headers: msg.headers }))
      const body = Buffer.from(await res.arrayBuffer()).toString('base64')
      return reply(msg.id, { status: res.status, headers: Object.fromEntries(res.headers), body })
    }
    case 'loaded':
      windows.find((w) => w.webContents.id === msg.webContentsId)?.loaded()
      return reply(msg.id, {})
    case 'navigate': {
      const wc = contentsById(msg.webContentsId)
      let prevented = false
      wc?.emit('will-navigate', { url: msg.url, preventDefault: () => (prevented = true) }, msg.url)
      return reply(msg.id, { prevented })
    }
    case 'window-open': {
      const wc = contentsById(msg.webContentsId)
      const result = wc?.windowOpenHandler ? wc.windowOpenHandler({ url: msg.url, frameName: '', features: '', disposition: 'new-window' }) : { action: 'allow' }
      return reply(msg.id, { action: result.action })
    }
    case 'permission': {
      const wc = contentsById(msg.webContentsId)
      const check = defaultSession.permissionCheckHandler ? defaultSession.permissionCheckHandler(wc, msg.permission, msg.origin, {}) : true
      const request = await new Promise((resolve) => {
        if (!defaultSession.permissionRequestHandler) return resolve(true) // Electron's default: granted
        defaultSession.permissionRequestHandler(wc, msg.permission, resolve, { requestingUrl: wc?.getURL() })
      })
      return reply(msg.id, { check, request })
    }
    case 'state':
      return reply(msg.id, {
        ready,
        privileged,
        handledSchemes: [...protocolHandlers.keys()],
        windows: windows.map(windowState),
        openedExternally,
        permissionHandlers: { request: !!defaultSession.permissionRequestHandler, check: !!defaultSession.permissionCheckHandler },
      })
    case 'minimize':
      windows.find((w) => w.webContents.id === msg.webContentsId)?.minimize()
      return reply(msg.id, {})
    case 'quit':
      return app.quit()
  }
}
process.on('message', (msg) => {
  onControl(msg).catch((err) => reply(msg.id, { error: `stand-in: ${err.stack ?? err}` }))
})

// 'ready' comes once the entry module has run (Electron emits it after loading the app).
setImmediate(() => {
  ready = true
  app.emit('ready', {}, {})
  // later instances' parameters, polled (Chromium listens on a socket in the user-data folder)
  setInterval(() => app.deliverSecondInstances(), 50).unref()
})

module.exports = { app, protocol, BrowserWindow, ipcMain, session: { defaultSession }, shell, utilityProcess }
