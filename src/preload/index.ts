/**
 * The preload bridge: exposes `window.gradientLab`, one named function per API channel plus
 * `onEvent`. Never raw ipcRenderer. Runs sandboxed with context isolation.
 */
import { contextBridge, ipcRenderer } from 'electron'
import { CHANNEL_NAMES, type Channel, type IpcReply, type LabBridge } from '../shared/api'
import type { LabEvent } from '../shared/events'

async function call(channel: Channel, payload: unknown): Promise<unknown> {
  const reply = (await ipcRenderer.invoke('lab:call', channel, payload ?? {})) as IpcReply
  if (!reply.ok) throw new Error(reply.error)
  return reply.value
}

const api = Object.fromEntries(CHANNEL_NAMES.map((name) => [name, (req: unknown) => call(name, req)])) as unknown as LabBridge
api.onEvent = (cb: (e: LabEvent) => void) => {
  const listener = (_: unknown, e: LabEvent) => cb(e)
  ipcRenderer.on('lab:event', listener)
  return () => {
    ipcRenderer.removeListener('lab:event', listener)
  }
}

contextBridge.exposeInMainWorld('gradientLab', api)
