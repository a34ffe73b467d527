/**
 * `npx tsx bench/profile.ts lab2 [iterations] | search [trials] [epochs]`
 *
 * Where a lab's time goes end to end: lab 2 or the random search through the real app
 * (createLabApp, RunManager, SQLite), each trainer process started with `--cpu-prof`
 * (bench/profile-entry.ts: the bench's trainer, ended with SIGTERM so the profile is written).
 * Prints wall time, the time inside train(), the CPU seconds of the trainers and of the app, and
 * the functions with the most samples (self and inclusive) over all trainers; the .cpuprofile
 * files stay in the printed folder (open them in Chrome's DevTools). WebAssembly functions show as
 * wasm-function[i]: i is the function's index in the module (`node scripts/build-wasm.mjs --wat`
 * writes .tmp/kernels.simd.wat, whose functions are in that order). Sampled wall time: on a
 * loaded machine a descheduled trainer's samples land on whatever it was running.
 */
import { fork } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLabApp } from '../src/main/app'
import type { SpawnTrainer } from '../src/main/runs/port'

const ROOT = join(__dirname, '..')

interface Node {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

/** Self and inclusive sampled seconds per function over the given .cpuprofile files. */
export function summarize(files: string[]): { totalS: number; self: Map<string, number>; inclusive: Map<string, number> } {
  const self = new Map<string, number>()
  const inclusive = new Map<string, number>()
  let total = 0
  for (const f of files) {
    const p = JSON.parse(readFileSync(f, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] }
    const byId = new Map(p.nodes.map((n) => [n.id, n]))
    const parent = new Map<number, number>()
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
    const key = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`
    const perNode = new Map<number, number>()
    p.samples.forEach((id, i) => perNode.set(id, (perNode.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1e6))
    for (const [id, s] of perNode) {
      total += s
      const k = key(byId.get(id)!)
      self.set(k, (self.get(k) ?? 0) + s)
      const seen = new Set<string>()
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const kk = key(byId.get(cur)!)
        if (!seen.has(kk)) inclusive.set(kk, (inclusive.get(kk) ?? 0) + s)
        seen.add(kk)
      }
    }
  }
  return { totalS: total, self, inclusive }
}

async function main(): Promise<void> {
  const [which = 'lab2', a1, a2] = process.argv.slice(2)
  if (which !== 'lab2' && which !== 'search') throw new Error(`profile what? 'lab2' or 'search', got '${which}'`)
  const dir = mkdtempSync(join(tmpdir(), 'gradient-lab-profile-'))
  const esbuild = await import('esbuild')
  const bundle = join(dir, 'trainer.cjs')
  await esbuild.build({ entryPoints: [join(__dirname, 'profile-entry.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' })
  const spawn: SpawnTrainer = () => {
    const child = fork(bundle, [], {
      execArgv: ['--cpu-prof', '--cpu-prof-dir', dir],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
      env: { ...process.env, PROFILE_CPU_DIR: dir, BENCH_KERNELS: 'wasm' },
    })
    return {
      send: (m) => {
        if (child.connected) child.send(m)
      },
      onMessage: (cb) => child.on('message', cb),
      onExit: (cb) => child.once('exit', (code) => cb(code, '')),
      kill: () => child.kill('SIGTERM'),
    }
  }
  const app = createLabApp({ mode: 'test', dbPath: join(dir, 'profile.db'), builtinDataPath: join(ROOT, 'resources', 'mnist-10k.bin'), spawn })
  const load = loadavg()[0]
  const t0 = performance.now()
  const c0 = process.cpuUsage()
  const params =
    which === 'lab2'
      ? { labId: 'optimizers-mnist', params: { iterations: Number(a1 ?? 2000), evalEvery: Math.min(500, Number(a1 ?? 2000)) } }
      : { labId: 'random-search', params: { trials: Number(a1 ?? 20), budget: { unit: 'epochs', count: Number(a2 ?? 50) } } }
  const { runIds } = await app.service.call('startLab', params)
  await app.runs.whenIdle()
  const wallS = (performance.now() - t0) / 1000
  const appCpu = process.cpuUsage(c0)
  const trainS = runIds.reduce((s, id) => s + (app.store.getRun(id)?.final?.elapsedMs ?? 0) / 1000, 0)
  app.close()
  await new Promise((r) => setTimeout(r, 2000)) // the trainers write their profiles on SIGTERM
  const files = readdirSync(dir)
  let trainersCpuS = 0
  for (const f of files.filter((x) => x.startsWith('cpu-'))) {
    const j = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { userMs: number; systemMs: number }
    trainersCpuS += (j.userMs + j.systemMs) / 1000
  }
  const { totalS, self, inclusive } = summarize(files.filter((f) => f.endsWith('.cpuprofile')).map((f) => join(dir, f)))
  const line = (name: string, s: number) => `${s.toFixed(2).padStart(8)} s ${((100 * s) / totalS).toFixed(1).padStart(5)} %  ${name}`
  const top = (m: Map<string, number>, n: number) => [...m].sort((x, y) => y[1] - x[1]).slice(0, n)
  console.log(`${which} ${JSON.stringify(params.params)}: wall ${wallS.toFixed(2)} s (load ${load.toFixed(1)} → ${loadavg()[0].toFixed(1)}), in train() ${trainS.toFixed(2)} s summed over runs; CPU: trainers ${trainersCpuS.toFixed(2)} s, app ${((appCpu.user + appCpu.system) / 1e6).toFixed(2)} s; ${totalS.toFixed(2)} s sampled`)
  console.log('-- self')
  for (const [k, s] of top(self, 25)) console.log(line(k, s))
  console.log('-- inclusive')
  for (const [k, s] of top(inclusive, 30)) console.log(line(k, s))
  console.log(`profiles: ${dir}`)
  rmSync(join(dir, 'profile.db'), { force: true })
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`profile failed: ${(err as Error).message}\n`)
    process.exit(1)
  })
}
