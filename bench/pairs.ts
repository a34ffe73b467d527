/**
 * Alternating pairs for the end-to-end workloads: engine, NumPy, engine, NumPy, … and the ratio
 * of each pair. On a shared machine the load drifts over minutes; timing the engine once and
 * NumPy once later lets that drift move the ratio. Within a pair both sides see nearly the same
 * load, so the median of the pair ratios (with its min and max) is what a ratio claim rests on.
 * The 1-minute load average is recorded before each side.
 */
import { loadavg } from 'node:os'
import { median } from './timing'

export interface Pair {
  engineS: number
  numpyS: number
  /** engineS ÷ numpyS */
  ratio: number
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
  loadMin: number
  loadMax: number
}

export function summarizePairs(pairs: Pair[]): PairSummary {
  if (pairs.length === 0) throw new Error('summarizePairs: no pairs')
  const ratios = pairs.map((p) => p.ratio)
  const loads = pairs.flatMap((p) => [p.loadEngine, p.loadNumpy])
  return {
    pairs,
    ratio: median(ratios),
    ratioMin: Math.min(...ratios),
    ratioMax: Math.max(...ratios),
    engineS: median(pairs.map((p) => p.engineS)),
    numpyS: median(pairs.map((p) => p.numpyS)),
    loadMin: Math.min(...loads),
    loadMax: Math.max(...loads),
  }
}

/**
 * `count` pairs, each the engine side then the NumPy side (seconds each). A side that throws
 * ends the series: the pairs so far are kept (null when there are none) and the error is logged.
 */
export async function alternate(
  count: number,
  engine: (i: number) => Promise<number>,
  numpy: (i: number) => number | null,
  log: (s: string) => void,
): Promise<PairSummary | null> {
  const pairs: Pair[] = []
  for (let i = 0; i < count; i++) {
    const loadEngine = loadavg()[0]
    const engineS = await engine(i)
    const loadNumpy = loadavg()[0]
    let numpyS: number | null
    try {
      numpyS = numpy(i)
    } catch (err) {
      log(`NumPy side of pair ${i + 1} failed: ${(err as Error).message.slice(0, 300)}`)
      numpyS = null
    }
    if (numpyS === null) break
    pairs.push({ engineS, numpyS, ratio: engineS / numpyS, loadEngine, loadNumpy })
    log(`  pair ${i + 1}/${count}: engine ${engineS.toFixed(2)} s (load ${loadEngine.toFixed(1)}), NumPy ${numpyS.toFixed(2)} s (load ${loadNumpy.toFixed(1)}), ratio ${(engineS / numpyS).toFixed(3)}`)
  }
  return pairs.length ? summarizePairs(pairs) : null
}
