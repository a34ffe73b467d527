/**
 * End-to-end timings through the real application: `createLabApp` (mode 'test', a temporary
 * database), the RunManager forking one trainer process per run (at most the core count at once),
 * metrics stored in SQLite. The trainer is src/trainer/main.ts bundled with esbuild, as the
 * built app runs it (no TypeScript compile at each process start), wrapped by
 * bench/trainer-entry.ts so the bench can choose its kernels. While runs are going, the resident
 * memory of every trainer process is sampled from /proc.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLabApp, type LabApp } from '../src/main/app'
import type { PoolStats } from '../src/main/runs/pool'
import { nodeForkSpawner } from '../src/main/runs/port'
import { getLab } from '../src/labs/registry'
import type { RunSpec } from '../src/shared/schemas'

const ROOT = join(__dirname, '..')

export interface TrainerBundle {
  modulePath: string
  /** How the trainer was started: 'bundle' (esbuild) or 'tsx' (fallback, slower start). */
  kind: 'bundle' | 'tsx'
  cleanup(): void
}

export async function bundleTrainer(): Promise<TrainerBundle> {
  const dir = mkdtempSync(join(tmpdir(), 'gradient-lab-trainer-'))
  const out = join(dir, 'trainer.cjs')
  try {
    const esbuild = await import('esbuild')
    await esbuild.build({
      entryPoints: [join(__dirname, 'trainer-entry.ts')],
      outfile: out,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'error',
    })
    return { modulePath: out, kind: 'bundle', cleanup: () => rmSync(dir, { recursive: true, force: true }) }
  } catch {
    rmSync(dir, { recursive: true, force: true })
    return { modulePath: join(__dirname, 'trainer-entry.ts'), kind: 'tsx', cleanup: () => {} }
  }
}

/**
 * Peak resident memory of the trainer processes (children of this process), sampled every 50 ms,
 * and the CPU time each has used (the last sample of each: call sample() once more at the end).
 */
export class RssSampler {
  private timer: NodeJS.Timeout | null = null
  readonly perPid = new Map<number, number>()
  /** CPU seconds (user + system) per trainer pid, as last seen. */
  readonly cpuPerPid = new Map<number, number>()
  peakTotal = 0
  peakCount = 0
  peakSelf = 0

  start(): void {
    this.timer = setInterval(() => this.sample(), 50)
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  /** Largest single trainer, in MB. */
  peakOneMB(): number {
    return Math.max(0, ...this.perPid.values()) / 1024
  }

  /** CPU seconds of every trainer seen. */
  trainersCpuS(): number {
    let s = 0
    for (const v of this.cpuPerPid.values()) s += v
    return s
  }

  sample(): void {
    let total = 0
    let count = 0
    for (const pid of childPids()) {
      const cpu = cpuSeconds(pid)
      if (cpu !== null) this.cpuPerPid.set(pid, cpu)
      const kb = rssKB(pid)
      if (kb === null) continue
      total += kb
      count++
      this.perPid.set(pid, Math.max(this.perPid.get(pid) ?? 0, kb))
    }
    if (total > this.peakTotal) {
      this.peakTotal = total
      this.peakCount = count
    }
    this.peakSelf = Math.max(this.peakSelf, process.memoryUsage().rss / 1024)
  }
}

function childPids(): number[] {
  const pids: number[] = []
  try {
    for (const tid of readdirSync(`/proc/${process.pid}/task`)) {
      const f = `/proc/${process.pid}/task/${tid}/children`
      if (existsSync(f)) for (const p of readFileSync(f, 'utf8').trim().split(/\s+/)) if (p) pids.push(Number(p))
    }
  } catch {
    /* not Linux: no memory figures */
  }
  // only node trainers (not python, not the esbuild service)
  return pids.filter((p) => {
    try {
      return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('trainer')
    } catch {
      return false
    }
  })
}

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ: 100 on Linux). */
const USER_HZ = 100

/** User + system CPU seconds of a process (/proc/<pid>/stat fields 14 and 15), or null. */
function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ') // f[0] is field 3 (state)
    return (Number(f[11]) + Number(f[12])) / USER_HZ
  } catch {
    return null
  }
}

function rssKB(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) : null
  } catch {
    return null
  }
}

export interface AppRun {
  wallS: number
  /** CPU seconds: every trainer process plus this process (the app: RunManager, SQLite); null off Linux. */
  cpuS: number | null
  /** Of cpuS, the trainers' share. */
  trainersCpuS: number | null
  /** Σ over runs of the time inside the engine's train() (FinalMetrics.elapsedMs), s. */
  trainS: number
  runs: number
  failed: string[]
  parallel: number
  /** The RunManager's trainer pool at the end: trainers started, runs that reused one, … */
  pool: PoolStats
  memory: { peakOneTrainerMB: number; peakTrainersMB: number; peakTrainerCount: number; benchProcessMB: number }
}

function openApp(trainer: TrainerBundle, maxParallel?: number): { app: LabApp; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'gradient-lab-bench-db-'))
  const app = createLabApp({
    mode: 'test',
    dbPath: join(dir, 'bench.db'),
    maxParallel,
    builtinDataPath: join(ROOT, 'resources', 'mnist-10k.bin'),
    spawn: nodeForkSpawner({ modulePath: trainer.modulePath, execArgv: trainer.kind === 'tsx' ? ['--import', 'tsx'] : [] }),
  })
  return { app, dir }
}

/**
 * Times `start` (until the app is idle) on a fresh app. With `warmUp`, that short run of the same
 * lab goes first, untimed: the trainers are then started, their kernels compiled and the data
 * prepared, as in the app, whose pool starts with it (the NumPy side, too, is timed after its data
 * is loaded). The CPU figures count only the timed part.
 */
async function timeApp(trainer: TrainerBundle, maxParallel: number | undefined, start: (app: LabApp) => Promise<number[]>, warmUp?: (app: LabApp) => Promise<unknown>): Promise<AppRun> {
  const { app, dir } = openApp(trainer, maxParallel)
  const rss = new RssSampler()
  try {
    rss.start()
    if (warmUp) {
      await warmUp(app)
      await app.runs.whenIdle()
    }
    rss.sample()
    const cpuBefore = rss.trainersCpuS()
    const t0 = performance.now()
    const c0 = process.cpuUsage()
    const runIds = await start(app)
    await app.runs.whenIdle()
    const wallS = (performance.now() - t0) / 1000
    const appCpu = process.cpuUsage(c0)
    rss.stop()
    rss.sample() // the trainers' CPU time up to now (they are idle, still alive)
    const trainersCpuS = rss.cpuPerPid.size > 0 ? rss.trainersCpuS() - cpuBefore : null
    const pool = app.runs.poolStats()
    const failed: string[] = []
    let trainMs = 0
    for (const id of runIds) {
      const r = app.store.getRun(id)
      if (r && r.status !== 'finished') failed.push(`run ${id} ${r.status}: ${r.error ?? ''}`)
      trainMs += r?.final?.elapsedMs ?? 0
    }
    return {
      wallS,
      cpuS: trainersCpuS === null ? null : trainersCpuS + (appCpu.user + appCpu.system) / 1e6,
      trainersCpuS,
      trainS: trainMs / 1000,
      runs: runIds.length,
      failed,
      parallel: maxParallel ?? availableParallelism(),
      pool,
      memory: {
        peakOneTrainerMB: rss.peakOneMB(),
        peakTrainersMB: rss.peakTotal / 1024,
        peakTrainerCount: rss.peakCount,
        benchProcessMB: rss.peakSelf / 1024,
      },
    }
  } finally {
    rss.stop()
    app.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Lab 2 through the service: startLab({ labId: 'optimizers-mnist' }) and wait until idle. */
export function runLab2(trainer: TrainerBundle, iterations: number, maxParallel?: number): Promise<AppRun> {
  const lab2 = (app: LabApp, n: number) => app.service.call('startLab', { labId: 'optimizers-mnist', params: { iterations: n, evalEvery: Math.min(500, n) } })
  return timeApp(trainer, maxParallel, async (app) => (await lab2(app, iterations)).runIds, (app) => lab2(app, 2))
}

/** The book's random search as run specs: 6×100 ReLU, SGD, batch 100, 500 samples (20% validation). */
export function searchSpecs(trials: number, epochs: number): RunSpec[] {
  let s = 12345
  const u = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0
    return s / 4294967296
  }
  return Array.from({ length: trials }, (_, i) => {
    const lr = 10 ** (u() * 4 - 6)
    const weightDecay = 10 ** (u() * 4 - 8)
    return {
      network: {
        hidden: Array.from({ length: 6 }, () => ({ width: 100, batchNorm: false, activation: 'relu' as const, dropout: 0 })),
        init: { kind: 'he' as const },
        weightDecay,
        dropoutMode: 'book' as const,
        bias: true,
      },
      optimizer: { kind: 'sgd' as const, lr },
      data: { source: { kind: 'builtin-mnist' as const }, trainSize: 500, validationSplit: 0.2 },
      batchSize: 100,
      budget: { unit: 'epochs' as const, count: epochs },
      sampling: 'replacement' as const,
      recordLoss: false,
      evalTest: false,
      seed: i + 1,
      divergenceFactor: 1e3,
    }
  })
}

/**
 * The random search: through the 'random-search' lab when it exists (trials × epochs of its
 * defaults: the book's 6×100, SGD, batch 100, 500 samples with 20% validation, lr and λ drawn
 * log-uniformly), otherwise the same trainer runs enqueued with explicit run specs.
 */
export async function runSearch(trainer: TrainerBundle, trials: number, epochs: number): Promise<AppRun & { via: string }> {
  if (getLab('random-search')) {
    const search = (app: LabApp, t: number, e: number) => app.service.call('startLab', { labId: 'random-search', params: { trials: t, budget: { unit: 'epochs', count: e } } })
    const r = await timeApp(trainer, undefined, async (app) => (await search(app, trials, epochs)).runIds, (app) => search(app, 2, 1))
    return { ...r, via: "startLab({ labId: 'random-search' })" }
  }
  const r = await timeApp(trainer, undefined, async (app) => {
    const exp = app.store.createExperiment({ labId: 'random-search', name: 'bench: random search', params: { trials, epochs }, seed: 0 })
    const runs = app.store.addRuns(
      exp.id,
      searchSpecs(trials, epochs).map((spec, i) => ({ label: `trial ${i + 1}`, meta: { lr: spec.optimizer.lr, weightDecay: spec.network.weightDecay }, spec })),
    )
    app.runs.enqueue(runs)
    return runs.map((x) => x.id)
  })
  return { ...r, via: 'explicit run specs through the RunManager (no search lab)' }
}
