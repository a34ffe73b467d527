/**
 * The preload bridge: exposes `window.gradientLab`, one named function per API channel plus
 * `onEvent`. Never raw ipcRenderer. It runs sandboxed with context isolation, where `require`
 * serves only `electron`, `events`, `timers` and `url`
 * (https://www.electronjs.org/docs/latest/tutorial/sandbox#preload-scripts): so this file imports
 * nothing at run time but `electron` (the channel list is plain data, ../shared/ipc.ts, bundled
 * in); requests are validated in the main process. test/desktop/preload.test.ts loads the built
 * file under exactly that `require`.
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { LabBridge } from '../shared/api'
import type { LabEvent } from '../shared/events'
import { CHANNEL_NAMES, type ChannelName, IPC_CALL, IPC_EVENT, type IpcReply } from '../shared/ipc'

async function call(channel: ChannelName, payload: unknown): Promise<unknown> {
  // https://www.electronjs.org/docs/latest/api/ipc-renderer#ipcrendererinvokechannel-args
  const reply = (await ipcRenderer.invoke(IPC_CALL, channel, payload ?? {})) as IpcReply
  if (!reply.ok) throw new Error(reply.error)
  return reply.value
}

const api = Object.fromEntries(CHANNEL_NAMES.map((name) => [name, (req: unknown) => call(name, req)])) as unknown as LabBridge
api.onEvent = (cb: (e: LabEvent) => void) => {
  const listener = (_: unknown, e: LabEvent) => cb(e)
  ipcRenderer.on(IPC_EVENT, listener)
  return () => {
    ipcRenderer.removeListener(IPC_EVENT, listener)
  }
}

// https://www.electronjs.org/docs/latest/api/context-bridge#contextbridgeexposeinmainworldapikey-api
contextBridge.exposeInMainWorld('gradientLab', api)
