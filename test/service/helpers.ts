/** Shared set-up for service and RunManager tests: a real SQLite file in a temp dir. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fork } from 'node:child_process'
import { createLabApp, type LabApp } from '../../src/main/app'
import type { SpawnTrainer } from '../../src/main/runs/port'
import type { RunSpecInput } from '../../src/shared/schemas'
import { RunSpecSchema } from '../../src/shared/schemas'

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'glab-test-'))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export function makeApp(dir: string, opts: { maxParallel?: number; spawn?: SpawnTrainer; pool?: { recycleAfterRuns?: number; recycleAboveMB?: number }; warmTrainers?: boolean } = {}): LabApp {
  return createLabApp({ mode: 'test', dbPath: join(dir, 'lab.db'), ...opts })
}

/** A spawner for the misbehaving fixture trainer. */
export function fixtureSpawner(mode: 'crash' | 'garbage' | 'hang'): SpawnTrainer {
  return () => {
    const child = fork(join(__dirname, '../fixtures/crash-trainer.cjs'), [mode], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] })
    let stderr = ''
    child.stderr?.on('data', (d) => (stderr += d))
    return {
      send: (m) => child.connected && child.send(m),
      onMessage: (cb) => child.on('message', cb),
      onExit: (cb) => child.once('exit', (code) => cb(code, stderr.trim())),
      kill: () => child.kill('SIGKILL'),
    }
  }
}

/** A tiny but real run: 784-16-10 on the built-in MNIST. */
export function tinySpec(over: Partial<RunSpecInput> = {}) {
  return RunSpecSchema.parse({
    network: { hidden: [{ width: 16 }], init: { kind: 'he' } },
    optimizer: { kind: 'adam', lr: 0.01 },
    data: { source: { kind: 'builtin-mnist' }, trainSize: 1000, testSize: 500 },
    batchSize: 50,
    budget: { unit: 'iterations', count: 40 },
    evalEvery: 20,
    seed: 7,
    ...over,
  })
}

export function until(pred: () => boolean, timeoutMs = 30_000): Promise<void> {
  const start = Date.now()
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (pred()) return resolve()
      if (Date.now() - start > timeoutMs) return reject(new Error('timed out waiting'))
      setTimeout(tick, 20)
    }
    tick()
  })
}
