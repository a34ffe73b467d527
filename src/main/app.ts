/**
 * Builds the Node-side application: store, RunManager and LabService. The Electron entry,
 * browser mode and the CLI all start here, so they behave the same.
 */
import { availableParallelism } from 'node:os'
import { defaultBuiltinPath } from './data/builtin'
import { type SpawnTrainer, nodeForkSpawner } from './runs/port'
import { RunManager } from './runs/RunManager'
import { LabService } from './service/LabService'
import { defaultDbPath } from './store/paths'
import { Store } from './store/store'
import { APP_VERSION } from './version'

export interface LabAppOptions {
  mode: 'electron' | 'browser' | 'cli' | 'test'
  dbPath?: string
  spawn?: SpawnTrainer
  maxParallel?: number
  builtinDataPath?: string
  /** better-sqlite3's compiled addon for this runtime (Electron's); default: the package's own. */
  nativeBinding?: string
  /**
   * Start the trainer pool with the app and keep it full, so the first Run finds a warm trainer
   * (default: on in Electron and browser mode; the CLI and tests start trainers on first need).
   */
  warmTrainers?: boolean
  /** The pool's recycling limits (RunManagerOptions.pool; keepWarm comes from warmTrainers). */
  pool?: { recycleAfterRuns?: number; recycleAboveMB?: number }
}

export interface LabApp {
  service: LabService
  store: Store
  runs: RunManager
  /** Runs still marked running or queued from a previous session, now marked interrupted. */
  interrupted: number
  close(): void
}

export function createLabApp(opts: LabAppOptions): LabApp {
  const store = Store.open(opts.dbPath ?? defaultDbPath(), { nativeBinding: opts.nativeBinding })
  // Every run records the process that owns it, so anything that opens the database (app, browser
  // mode, CLI) can mark the runs of a dead owner interrupted without touching a live one's.
  const interrupted = store.markInterrupted()
  const builtinDataPath = opts.builtinDataPath ?? defaultBuiltinPath()
  const maxParallel = Math.max(1, opts.maxParallel ?? availableParallelism())
  let service: LabService | undefined
  const warm = opts.warmTrainers ?? (opts.mode === 'electron' || opts.mode === 'browser')
  const runs = new RunManager({
    spawn: opts.spawn ?? nodeForkSpawner(),
    sink: store,
    emit: (e) => service?.emit(e),
    maxParallel,
    builtinDataPath,
    pool: { ...opts.pool, keepWarm: warm },
    experimentName: (id) => store.getExperiment(id)?.experiment.name,
  })
  if (warm) runs.warm()
  service = new LabService({ store, runs, mode: opts.mode, version: APP_VERSION, builtinDataPath, maxParallelRuns: maxParallel })
  return {
    service,
    store,
    runs,
    interrupted,
    close: () => {
      runs.shutdown()
      store.close()
    },
  }
}
