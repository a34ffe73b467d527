/**
 * The renderer half of the stand-in, as an init script for Playwright: the sandboxed preload's
 * world (https://www.electronjs.org/docs/latest/tutorial/sandbox#preload-scripts), where
 * `require` serves only `electron` (contextBridge and ipcRenderer here), `events`, `timers` and
 * `url`, and anything else throws; then the real built preload runs in it, in the main frame only
 * (subframes get no preload: nodeIntegrationInSubFrames is off).
 * - contextBridge.exposeInMainWorld(key, api) puts a frozen copy at window[key]
 *   (https://www.electronjs.org/docs/latest/api/context-bridge). Here it shares the page's world:
 *   context isolation itself is not emulated.
 * - ipcRenderer.invoke(channel, ...args) resolves with the handler's value or rejects with
 *   "Error invoking remote method '<channel>': <message>"; ipcRenderer.on/removeListener get
 *   `(event, ...args)` for webContents.send (https://www.electronjs.org/docs/latest/api/ipc-renderer).
 * The preload's source is pasted into the script (no eval: the page's CSP forbids it).
 */
export function preloadInitScript(preloadSource: string): string {
  return `(() => {
  if (window !== window.top) return
  const listeners = new Map()
  const ipcRenderer = {
    invoke(channel, ...args) {
      return window.__standinInvoke(channel, args).then((r) => {
        if ('error' in r) throw new Error("Error invoking remote method '" + channel + "': " + r.error)
        return r.value
      })
    },
    on(channel, fn) {
      if (!listeners.has(channel)) listeners.set(channel, new Set())
      listeners.get(channel).add(fn)
      return ipcRenderer
    },
    removeListener(channel, fn) {
      listeners.get(channel)?.delete(fn)
      return ipcRenderer
    },
  }
  ipcRenderer.off = ipcRenderer.removeListener
  Object.defineProperty(window, '__standinDeliver', {
    value: (channel, args) => {
      for (const fn of [...(listeners.get(channel) ?? [])]) fn({ sender: ipcRenderer, ports: [] }, ...structuredClone(args))
    },
  })
  const freeze = (v) => { if (v && typeof v === 'object') { Object.values(v).forEach(freeze); Object.freeze(v) } return v }
  const contextBridge = {
    exposeInMainWorld(key, api) {
      if (key in window) throw new Error('Cannot bind an API on top of an existing property on the window object')
      Object.defineProperty(window, key, { value: freeze({ ...api }), enumerable: true })
    },
  }
  const sandboxModules = {
    electron: { contextBridge, ipcRenderer },
    events: { EventEmitter: class EventEmitter {} },
    timers: { setTimeout, clearTimeout, setInterval, clearInterval },
    url: { URL, URLSearchParams },
  }
  const require = (name) => {
    if (Object.prototype.hasOwnProperty.call(sandboxModules, name)) return sandboxModules[name]
    throw new Error("module not found: " + name)
  }
  const module = { exports: {} }
  ;(function (require, module, exports) {
${preloadSource}
  })(require, module, module.exports)
})()`
}
