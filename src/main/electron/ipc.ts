/** The one IPC handler: every channel of the shared map through `lab:call`, sender checked first. */
import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { IPC_CALL, type IpcReply } from '../../shared/ipc'
import type { LabService } from '../service/LabService'

export function registerIpc(ipcMain: IpcMain, service: LabService, allowed: (event: IpcMainInvokeEvent) => boolean): void {
  // https://www.electronjs.org/docs/latest/api/ipc-main#ipcmainhandlechannel-listener
  ipcMain.handle(IPC_CALL, async (event, channel: unknown, payload: unknown): Promise<IpcReply> => {
    if (!allowed(event)) return { ok: false, error: 'sender not allowed: only the Gradient Lab window may call the API' }
    try {
      return { ok: true, value: await service.handle(String(channel), payload) }
    } catch (err) {
      return { ok: false, error: (err as Error).message }
    }
  })
}
