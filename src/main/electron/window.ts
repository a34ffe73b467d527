/** The one window: the security baseline's webPreferences, navigation and window.open locked to our origin. */
import { BrowserWindow } from 'electron'
import { APP_ENTRY, isAppUrl } from './scheme'

export interface MainWindowOptions {
  preload: string
  /** Called with every URL the page tries to open or navigate to outside our origin. */
  onExternal: (url: string) => void
  /** The page to open (default: the home page); an app URL, e.g. a lesson link's. */
  url?: string
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const w = new BrowserWindow({
    width: 1360,
    height: 900,
    title: 'Gradient Lab',
    show: false,
    // ARCHITECTURE's baseline (https://www.electronjs.org/docs/latest/tutorial/security), written
    // out here so static checkers (electronegativity) see it.
    webPreferences: {
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Middle-click must not open links in a new window (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  })
  w.once('ready-to-show', () => w.show())
  // https://www.electronjs.org/docs/latest/api/web-contents#contentssetwindowopenhandlerhandler
  w.webContents.setWindowOpenHandler(({ url }) => {
    opts.onExternal(url)
    return { action: 'deny' }
  })
  // https://www.electronjs.org/docs/latest/api/web-contents#event-will-navigate
  w.webContents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return
    event.preventDefault()
    opts.onExternal(event.url)
  })
  // https://www.electronjs.org/docs/latest/api/browser-window#winloadurlurl-options
  void w.loadURL(opts.url ?? APP_ENTRY)
  return w
}
