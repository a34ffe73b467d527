/**
 * The child side of the port shim: Electron's utility process talks through
 * `process.parentPort`, a Node fork through `process.send` / `process.on('message')`.
 */
import type { FromTrainer } from '../shared/trainer-protocol'

interface ElectronParentPort {
  on(event: 'message', cb: (e: { data: unknown }) => void): void
  postMessage(msg: unknown): void
}

export interface ParentPort {
  send(msg: FromTrainer): void
  onMessage(cb: (msg: unknown) => void): void
}

export function parentPort(): ParentPort {
  const electronPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort
  if (electronPort) {
    return {
      send: (msg) => electronPort.postMessage(msg),
      onMessage: (cb) => electronPort.on('message', (e) => cb(e.data)),
    }
  }
  if (!process.send) throw new Error('the trainer must be started as a child process (no IPC channel)')
  return {
    send: (msg) => process.send?.(msg),
    onMessage: (cb) => process.on('message', cb),
  }
}
