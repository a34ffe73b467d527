/** The Electron half of the port shim: trainers as `utilityProcess` children. */
import { utilityProcess } from 'electron'
import type { SpawnTrainer } from '../runs/port'

export function utilitySpawner(modulePath: string): SpawnTrainer {
  return () => {
    const child = utilityProcess.fork(modulePath, [], { stdio: 'pipe', serviceName: 'Gradient Lab trainer' })
    let stderr = ''
    child.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString('utf8')).slice(-4000)
    })
    let alive = true
    child.on('exit', () => {
      alive = false
    })
    return {
      send: (msg) => {
        if (alive) child.postMessage(msg)
      },
      onMessage: (cb) => child.on('message', cb),
      onExit: (cb) => child.once('exit', (code) => cb(code, stderr.trim())),
      kill: () => {
        if (alive) child.kill()
      },
    }
  }
}
