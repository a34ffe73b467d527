/**
 * One small shim over the two ways a trainer process is started: Node's child_process.fork
 * (browser mode, CLI, tests) and Electron's utilityProcess.fork (see ../electron/utility-port.ts).
 * The RunManager only sees a TrainerPort.
 */
import { fork } from 'node:child_process'
import { existsSync } from 'node:fs'
import type { Socket } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import type { ToTrainer } from '../../shared/trainer-protocol'

export interface TrainerPort {
  send(msg: ToTrainer): void
  onMessage(cb: (msg: unknown) => void): void
  /** Called once when the process ends; `detail` carries the tail of its stderr, if any. */
  onExit(cb: (code: number | null, detail: string) => void): void
  kill(): void
  /**
   * Optional: stop (unref) or go back to (ref) keeping this process's event loop alive, so an
   * idle pooled trainer does not keep the CLI or a test from exiting. Node's fork has both.
   */
  ref?(): void
  unref?(): void
}

export type SpawnTrainer = () => TrainerPort

export interface TrainerEntry {
  modulePath: string
  execArgv: string[]
}

/**
 * Finds the trainer entry: the built `trainer.js` beside the running bundle (out/main), or the
 * TypeScript source run through tsx (vitest, `npm run lab`, `npm run web:dev`).
 */
export function resolveTrainerEntry(fromDir: string = __dirname): TrainerEntry {
  // The built main process may run from a chunk (out/main/chunks/…): the trainer sits beside or one folder up.
  for (const built of [join(fromDir, 'trainer.js'), join(fromDir, '..', 'trainer.js')]) {
    if (existsSync(built)) return { modulePath: resolve(built), execArgv: [] }
  }
  let dir = resolve(fromDir)
  for (let i = 0; i < 6; i++) {
    const src = join(dir, 'src', 'trainer', 'main.ts')
    if (existsSync(src)) return { modulePath: src, execArgv: ['--import', 'tsx'] }
    dir = dirname(dir)
  }
  throw new Error(`cannot find the trainer entry (looked for trainer.js beside ${fromDir} and src/trainer/main.ts above it)`)
}

const STDERR_TAIL = 4000

export function nodeForkSpawner(entry: TrainerEntry = resolveTrainerEntry()): SpawnTrainer {
  return () => {
    const child = fork(entry.modulePath, [], {
      execArgv: entry.execArgv,
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
      serialization: 'advanced',
    })
    let stderr = ''
    child.stderr?.setEncoding('utf8')
    child.stderr?.on('data', (d: string) => {
      stderr = (stderr + d).slice(-STDERR_TAIL)
    })
    return {
      send: (msg) => {
        if (child.connected) child.send(msg)
      },
      onMessage: (cb) => child.on('message', cb),
      onExit: (cb) =>
        child.once('exit', (code, signal) => {
          const detail = [signal ? `signal ${signal}` : '', stderr.trim()].filter(Boolean).join(': ')
          cb(code, detail)
        }),
      kill: () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      },
      // the process, its IPC channel and the stderr pipe each hold the event loop
      ref: () => {
        child.ref()
        child.channel?.ref()
        ;(child.stderr as Socket | null)?.ref()
      },
      unref: () => {
        child.unref()
        child.channel?.unref()
        ;(child.stderr as Socket | null)?.unref()
      },
    }
  }
}
