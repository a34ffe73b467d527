/**
 * The Electron entry: the app:// scheme, one window, IPC with sender checks, trainers as utility
 * processes, permissions denied. Everything else lives in plain-Node modules shared with browser
 * mode and the CLI. test/desktop runs this very bundle under Node with a stand-in `electron`.
 */
import { BrowserWindow, app, ipcMain, protocol, session, shell } from 'electron'
import { join } from 'node:path'
import { IPC_EVENT } from '../../shared/ipc'
import { createLabApp, type LabApp } from '../app'
import { sqliteBinding } from '../store/binding'
import { externalAllowed, permissionAllowed, senderAllowed } from './guards'
import { registerIpc } from './ipc'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, serveRenderer } from './scheme'
import { launchTarget, secondLaunchArgv, type LaunchTarget } from './launch-link'
import { utilitySpawner } from './utility-port'
import { createMainWindow } from './window'

let lab: LabApp | undefined
let win: BrowserWindow | undefined

// One app per user: a second launch (e.g. `gradient-lab /labs/overfit?cure=dropout`) hands its
// arguments to this one and quits; `additionalData` carries them exactly
// (https://www.electronjs.org/docs/latest/api/app#apprequestsingleinstancelockadditionaldata).
const primary = app.requestSingleInstanceLock({ argv: process.argv })
if (!primary) app.quit()

/** The lesson link of a command line, if any; a bad one is said on stderr and the home page opens. */
function linkOf(argv: readonly string[]): LaunchTarget {
  const target = launchTarget(argv)
  if (target.error) console.error(`gradient-lab: ${target.error}; opening the home page instead.`)
  return target
}

// Must run before `ready` (https://www.electronjs.org/docs/latest/api/protocol#protocolregisterschemesasprivilegedcustomschemes).
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])

function openExternal(url: string): void {
  // https://www.electronjs.org/docs/latest/api/shell#shellopenexternalurl-options
  if (externalAllowed(url)) void shell.openExternal(url)
}

function openWindow(url?: string): BrowserWindow {
  return createMainWindow({ preload: join(__dirname, '../preload/index.js'), onExternal: openExternal, url })
}

// https://www.electronjs.org/docs/latest/api/app#event-second-instance (emitted after 'ready')
app.on('second-instance', (_event, argv, _workingDirectory, additionalData) => {
  const { url } = linkOf(secondLaunchArgv(argv, additionalData))
  if (!win) return
  // https://www.electronjs.org/docs/latest/api/browser-window#winloadurlurl-options, #winisminimized, #winrestore, #winfocus
  if (url) void win.loadURL(url)
  if (win.isMinimized()) win.restore()
  win.focus()
})

app.whenReady().then(() => {
  if (!primary) return
  lab = createLabApp({
    mode: 'electron',
    // https://www.electronjs.org/docs/latest/api/app#appgetpathname
    dbPath: join(app.getPath('userData'), 'gradient-lab.db'),
    spawn: utilitySpawner(join(__dirname, 'trainer.js')),
    nativeBinding: sqliteBinding({ electron: process.versions.electron, isPackaged: app.isPackaged, env: process.env }),
  })
  // https://www.electronjs.org/docs/latest/api/protocol#protocolhandlescheme-handler
  const rendererDir = join(__dirname, '../renderer')
  protocol.handle(APP_SCHEME, (request) => serveRenderer(rendererDir, request))
  // https://www.electronjs.org/docs/latest/api/session#sessetpermissionrequesthandlerhandler
  session.defaultSession.setPermissionRequestHandler((wc, permission, callback) => callback(permissionAllowed(permission, wc.getURL())))
  session.defaultSession.setPermissionCheckHandler((_wc, permission, origin) => permissionAllowed(permission, origin))
  registerIpc(ipcMain, lab.service, (event) => senderAllowed(event, win?.webContents.id))
  // https://www.electronjs.org/docs/latest/api/web-contents#contentssendchannel-arg1-arg2-
  lab.service.onEvent((e) => win?.webContents.send(IPC_EVENT, e))
  // https://www.electronjs.org/docs/latest/api/process: process.argv, as in Node (the app's own arguments after the executable)
  win = openWindow(linkOf(process.argv.slice(1)).url)
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) win = openWindow()
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

// Quitting mid-run marks the runs interrupted (their metrics so far stay in the database).
// https://www.electronjs.org/docs/latest/api/app#event-before-quit
app.on('before-quit', () => {
  lab?.close()
  lab = undefined
})
