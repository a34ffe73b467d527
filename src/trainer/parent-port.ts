/**
 * The child side of the port shim: Electron's utility process talks through
 * `process.parentPort`, a Node fork through `process.send` / `process.on('message')`.
 *
 * A trainer must not outlive its parent (a `kill -9` of the app, the server or the CLI):
 * `onParentGone` fires within a quarter second of the parent's death. Node closes the IPC
 * channel ('disconnect'); Electron's parentPort documents only 'message' and postMessage
 * (https://www.electronjs.org/docs/latest/api/parent-port), so both shells also watch
 * `process.ppid`, which changes when the orphan is re-parented. The training loop is synchronous
 * and starves the event loop, so it also asks `parentGone()` between steps.
 */
import type { FromTrainer } from '../shared/trainer-protocol'

interface ElectronParentPort {
  on(event: 'message', cb: (e: { data: unknown }) => void): void
  postMessage(msg: unknown): void
}

export interface ParentPort {
  send(msg: FromTrainer): void
  onMessage(cb: (msg: unknown) => void): void
  /** True once the parent process is gone (cheap: one getppid call). */
  parentGone(): boolean
  /** Calls `cb` once when the parent process is gone. */
  onParentGone(cb: () => void): void
}

const WATCH_MS = 250

function watchParent(gone: () => boolean, subscribe: (fire: () => void) => void): ParentPort['onParentGone'] {
  return (cb) => {
    let fired = false
    const fire = () => {
      if (fired) return
      fired = true
      clearInterval(timer)
      cb()
    }
    const timer = setInterval(() => gone() && fire(), WATCH_MS)
    timer.unref()
    subscribe(fire)
  }
}

export function parentPort(): ParentPort {
  const firstParent = process.ppid
  const electronPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort
  if (electronPort) {
    const gone = () => process.ppid !== firstParent
    return {
      send: (msg) => electronPort.postMessage(msg),
      onMessage: (cb) => electronPort.on('message', (e) => cb(e.data)),
      parentGone: gone,
      onParentGone: watchParent(gone, () => undefined),
    }
  }
  if (!process.send) throw new Error('the trainer must be started as a child process (no IPC channel)')
  const gone = () => process.ppid !== firstParent || !process.connected
  return {
    send: (msg) => {
      if (process.connected) process.send?.(msg)
    },
    onMessage: (cb) => process.on('message', cb),
    parentGone: gone,
    onParentGone: watchParent(gone, (fire) => process.once('disconnect', fire)),
  }
}
