/**
 * Runs an instant lab's computation in a worker thread (./instant-worker.ts) and resolves with
 * its result. The built app has the worker as `instant.js` beside the main bundle; from source
 * (Vitest, `npm run lab`) it is loaded through tsx. The worker imports the labs and the engine
 * only: no Electron module and no native module, which Electron's multithreading notes say must
 * not be used off the main thread (https://www.electronjs.org/docs/latest/tutorial/multithreading).
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { LabId } from '../../labs/registry'
import type { InstantJob, InstantReply } from './instant-worker'

export type ComputeInstant = (labId: LabId, params: Record<string, unknown>) => Promise<unknown>

function startWorker(fromDir: string): Worker {
  // the bundler may put this module in out/main/chunks/, one level below the entries
  const built = [join(fromDir, 'instant.js'), join(fromDir, '..', 'instant.js')].find((p) => existsSync(p))
  if (built) return new Worker(built)
  const source = resolve(fromDir, 'instant-worker.ts')
  if (!existsSync(source)) throw new Error(`cannot find the instant-lab worker (looked for instant.js in ${fromDir} and above, and for ${source})`)
  return new Worker(`require('tsx/cjs'); require(${JSON.stringify(source)})`, { eval: true })
}

export function workerComputeInstant(fromDir: string = __dirname): ComputeInstant {
  return (labId, params) =>
    new Promise((resolveResult, reject) => {
      let worker: Worker
      try {
        worker = startWorker(fromDir)
      } catch (err) {
        return reject(err)
      }
      let settled = false
      const settle = (fn: () => void) => {
        if (settled) return
        settled = true
        fn()
        void worker.terminate()
      }
      worker.once('message', (reply: InstantReply) =>
        settle(() => (reply.ok ? resolveResult(reply.result) : reject(new Error(reply.error)))),
      )
      worker.once('error', (err) => settle(() => reject(err)))
      worker.once('exit', (code) => settle(() => reject(new Error(`the instant-lab worker stopped (code ${code}) before answering`))))
      worker.postMessage({ labId, params } satisfies InstantJob)
    })
}
