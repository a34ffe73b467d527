/**
 * The NumPy baseline: hands the engine's prepared data to bench/numpy_baseline.py and runs it
 * with a chosen BLAS thread count. OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE (set on these
 * machines) are removed for that command only, so OpenBLAS picks its kernel for the real CPU;
 * the script reports the core it runs.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Matrix } from '../src/engine'

const SCRIPT = join(__dirname, 'numpy_baseline.py')

export interface BlasInfo {
  numpy: string
  threads: number | null
  core: string | null
}

export class NumpyBaseline {
  readonly dir = mkdtempSync(join(tmpdir(), 'gradient-lab-bench-'))
  private available: string | null | undefined

  /** Why NumPy cannot run here, or null when it can. */
  unavailable(): string | null {
    if (this.available === undefined) {
      const r = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' })
      this.available = r.status === 0 ? null : `python3 with NumPy not found (${(r.stderr || String(r.error ?? '')).trim().split('\n').pop()})`
    }
    return this.available
  }

  /** Write x (float32) and labels as <dir>/d.<name>.x.f32 / .y.u8 for the script. */
  writeSplit(name: string, x: Matrix, y: Uint8Array): void {
    writeFileSync(join(this.dir, `d.${name}.x.f32`), Buffer.from(x.data.buffer, x.data.byteOffset, x.data.byteLength))
    writeFileSync(join(this.dir, `d.${name}.y.u8`), Buffer.from(y.buffer, y.byteOffset, y.byteLength))
  }

  /** Run one mode; `threads` null = OpenBLAS's default (all cores). Throws on failure or timeout. */
  run<T>(mode: string, args: Record<string, string | number | boolean>, threads: number | null, timeoutMs = 20 * 60_000): T & { blas: BlasInfo } {
    const env: NodeJS.ProcessEnv = { ...process.env }
    delete env.OPENBLAS_CORETYPE
    delete env.OPENBLAS_L2_SIZE
    delete env.OPENBLAS_NUM_THREADS
    delete env.OMP_NUM_THREADS
    if (threads !== null) env.OPENBLAS_NUM_THREADS = String(threads)
    const argv = [SCRIPT, mode, '--data', join(this.dir, 'd')]
    for (const [k, v] of Object.entries(args)) {
      if (v === false) continue
      argv.push(`--${k}`)
      if (v !== true) argv.push(String(v))
    }
    const r = spawnSync('python3', argv, { env, encoding: 'utf8', maxBuffer: 16 << 20, timeout: timeoutMs })
    if (r.status !== 0) throw new Error(`numpy_baseline.py ${mode} failed: ${r.stderr || r.error}${r.signal ? ` (${r.signal}: over ${Math.round(timeoutMs / 1000)} s)` : ''}`)
    return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}')
  }

  /**
   * A wall-time workload with one BLAS thread and with the default threads, keeping the faster:
   * on an oversubscribed machine multi-threaded OpenBLAS can be many times slower than one
   * thread (its threads wait for each other), so the default-thread run is stopped once it has
   * taken 1.5× the one-thread time. Both figures are returned.
   */
  bestThreads<T extends { wallS: number }>(mode: string, args: Record<string, string | number | boolean>): { best: T & { blas: BlasInfo }; oneThreadS: number; defaultThreadsS: number | null } {
    const one = this.run<T>(mode, args, 1)
    let dflt: (T & { blas: BlasInfo }) | null = null
    try {
      dflt = this.run<T>(mode, args, null, Math.max(30_000, 1500 * one.wallS))
    } catch {
      dflt = null
    }
    const best = dflt && dflt.wallS < one.wallS ? dflt : one
    return { best, oneThreadS: one.wallS, defaultThreadsS: dflt?.wallS ?? null }
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }
}
