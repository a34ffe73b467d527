/**
 * The Electron entry: one window, IPC registration with sender checks, trainers as utility
 * processes. Everything else lives in plain-Node modules shared with browser mode and the CLI.
 */
import { BrowserWindow, app, ipcMain, shell } from 'electron'
import { join } from 'node:path'
import type { IpcReply } from '../../shared/api'
import { createLabApp, type LabApp } from '../app'
import { utilitySpawner } from './utility-port'

let lab: LabApp | undefined
let win: BrowserWindow | undefined

const rendererUrl = () => join(__dirname, '../renderer/index.html')

function createWindow(): BrowserWindow {
  const w = new BrowserWindow({
    width: 1360,
    height: 900,
    title: 'Gradient Lab',
    show: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  })
  w.once('ready-to-show', () => w.show())
  w.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  w.webContents.on('will-navigate', (e, url) => {
    if (!url.startsWith('file://')) {
      e.preventDefault()
      if (url.startsWith('https://')) void shell.openExternal(url)
    }
  })
  void w.loadFile(rendererUrl())
  return w
}

/** Only our own window, showing our own page, may call the API. */
function senderAllowed(frameUrl: string | undefined, senderId: number): boolean {
  return !!win && senderId === win.webContents.id && !!frameUrl && frameUrl.startsWith('file://')
}

app.whenReady().then(() => {
  lab = createLabApp({
    mode: 'electron',
    dbPath: join(app.getPath('userData'), 'gradient-lab.db'),
    spawn: utilitySpawner(join(__dirname, 'trainer.js')),
  })
  const service = lab.service
  ipcMain.handle('lab:call', async (event, channel: unknown, payload: unknown): Promise<IpcReply> => {
    if (!senderAllowed(event.senderFrame?.url, event.sender.id)) return { ok: false, error: 'sender not allowed' }
    try {
      return { ok: true, value: await service.handle(String(channel), payload) }
    } catch (err) {
      return { ok: false, error: (err as Error).message }
    }
  })
  service.onEvent((e) => win?.webContents.send('lab:event', e))
  win = createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) win = createWindow()
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

app.on('before-quit', () => lab?.close())
