/**
 * Alternating pairs for the end-to-end workloads: engine, NumPy, engine, NumPy, … and the ratio
 * of each pair. On a shared machine the load drifts over minutes; timing the engine once and
 * NumPy once later lets that drift move the ratio. Within a pair both sides see nearly the same
 * load, so the median of the pair ratios (with its min and max) is what a ratio claim rests on.
 * The 1-minute load average is recorded before each side.
 *
 * A side may also report its CPU seconds (every process of it: the engine's trainers and the app,
 * NumPy's process). On this machine the scheduler shares the CPU between sessions (autogroups),
 * not between processes, so under other people's load the engine's two trainers together get
 * about what NumPy's one process gets: the wall ratio then measures CPU work, not parallelism,
 * and the CPU ratio is the steadier figure. On an idle machine the wall ratio is about half the
 * CPU ratio (two trainers on two cores).
 */
import { loadavg } from 'node:os'
import { median } from './timing'

/** One side's measurement: wall seconds, and CPU seconds when known. */
export interface Timed {
  wallS: number
  cpuS: number | null
}

export interface Pair {
  engineS: number
  numpyS: number
  /** engineS ÷ numpyS */
  ratio: number
  /** CPU seconds of each side and their ratio (null when a side did not report CPU time). */
  engineCpuS?: number | null
  numpyCpuS?: number | null
  cpuRatio?: number | null
  /** 1-minute load average before the engine side and before the NumPy side. */
  loadEngine: number
  loadNumpy: number
}

export interface PairSummary {
  pairs: Pair[]
  /** Median of the pair ratios (not the ratio of the medians). */
  ratio: number
  ratioMin: number
  ratioMax: number
  engineS: number
  numpyS: number
  /** Median, min and max of the pairs' CPU ratios (null when no pair has one). */
  cpuRatio: number | null
  cpuRatioMin: number | null
  cpuRatioMax: number | null
  engineCpuS: number | null
  numpyCpuS: number | null
  loadMin: number
  loadMax: number
}

const known = (xs: (number | null | undefined)[]): number[] => xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x))

export function summarizePairs(pairs: Pair[]): PairSummary {
  if (pairs.length === 0) throw new Error('summarizePairs: no pairs')
  const ratios = pairs.map((p) => p.ratio)
  const cpu = known(pairs.map((p) => p.cpuRatio))
  const loads = pairs.flatMap((p) => [p.loadEngine, p.loadNumpy])
  const medianOf = (xs: number[]) => (xs.length ? median(xs) : null)
  return {
    pairs,
    ratio: median(ratios),
    ratioMin: Math.min(...ratios),
    ratioMax: Math.max(...ratios),
    engineS: median(pairs.map((p) => p.engineS)),
    numpyS: median(pairs.map((p) => p.numpyS)),
    cpuRatio: medianOf(cpu),
    cpuRatioMin: cpu.length ? Math.min(...cpu) : null,
    cpuRatioMax: cpu.length ? Math.max(...cpu) : null,
    engineCpuS: medianOf(known(pairs.map((p) => p.engineCpuS))),
    numpyCpuS: medianOf(known(pairs.map((p) => p.numpyCpuS))),
    loadMin: Math.min(...loads),
    loadMax: Math.max(...loads),
  }
}

const timed = (x: number | Timed): Timed => (typeof x === 'number' ? { wallS: x, cpuS: null } : x)

/**
 * `count` pairs, each the engine side then the NumPy side (seconds each, or wall and CPU
 * seconds). A side that throws ends the series: the pairs so far are kept (null when there are
 * none) and the error is logged.
 */
export async function alternate(
  count: number,
  engine: (i: number) => Promise<number | Timed>,
  numpy: (i: number) => number | Timed | null,
  log: (s: string) => void,
): Promise<PairSummary | null> {
  const pairs: Pair[] = []
  for (let i = 0; i < count; i++) {
    const loadEngine = loadavg()[0]
    const e = timed(await engine(i))
    const loadNumpy = loadavg()[0]
    let n: Timed | null
    try {
      const r = numpy(i)
      n = r === null ? null : timed(r)
    } catch (err) {
      log(`NumPy side of pair ${i + 1} failed: ${(err as Error).message.slice(0, 300)}`)
      n = null
    }
    if (n === null) break
    const cpuRatio = e.cpuS !== null && n.cpuS !== null && n.cpuS > 0 ? e.cpuS / n.cpuS : null
    pairs.push({ engineS: e.wallS, numpyS: n.wallS, ratio: e.wallS / n.wallS, engineCpuS: e.cpuS, numpyCpuS: n.cpuS, cpuRatio, loadEngine, loadNumpy })
    const cpuText = cpuRatio === null ? '' : `; CPU ${e.cpuS!.toFixed(2)} s vs ${n.cpuS!.toFixed(2)} s, ratio ${cpuRatio.toFixed(3)}`
    log(`  pair ${i + 1}/${count}: engine ${e.wallS.toFixed(2)} s (load ${loadEngine.toFixed(1)}), NumPy ${n.wallS.toFixed(2)} s (load ${loadNumpy.toFixed(1)}), ratio ${(e.wallS / n.wallS).toFixed(3)}${cpuText}`)
  }
  return pairs.length ? summarizePairs(pairs) : null
}
