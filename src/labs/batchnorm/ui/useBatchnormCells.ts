/**
 * Lab 5's runs as cells: one per weight scale, each with its run with and without batch
 * normalization (paired: same initial weights), its state, and what the whole experiment has done.
 */
import { computed, type Ref } from 'vue'
import { isTerminal, type RunView } from '@renderer/composables/useExperimentRuns'

export interface BatchnormCell {
  scaleIndex: number
  scale: number
  bn: RunView | null
  noBn: RunView | null
  /** queued: neither started; running: one is going; done: both ended (finished, failed or cancelled). */
  state: 'queued' | 'running' | 'done'
}

/** The book's title value: 1.0, 0.54, 0.29 … 0.0001 (two significant digits). */
export function formatScale(w: number): string {
  return w >= 1 ? w.toFixed(1) : String(Number(w.toPrecision(2)))
}

/** The last value of a run's training accuracy (also for a run that stopped early). */
export function lastTrainAcc(r: RunView | null): number | null {
  const v = r?.series.trainAcc?.values
  return v && v.length > 0 ? v[v.length - 1]! : (r?.final?.trainAcc ?? null)
}

/** Mean training accuracy over the recorded epochs: higher = learned faster. */
export function meanTrainAcc(r: RunView | null): number | null {
  const v = r?.series.trainAcc?.values
  return v && v.length > 0 ? v.reduce((a, b) => a + b, 0) / v.length : null
}

function cellState(runs: (RunView | null)[]): BatchnormCell['state'] {
  const present = runs.filter((r): r is RunView => r !== null)
  if (present.length > 0 && present.every((r) => isTerminal(r.status))) return 'done'
  if (present.some((r) => r.status === 'running' || isTerminal(r.status))) return 'running'
  return 'queued'
}

export function useBatchnormCells(runs: Ref<RunView[]>) {
  const cells = computed<BatchnormCell[]>(() => {
    const byScale = new Map<number, BatchnormCell>()
    for (const r of runs.value) {
      const scaleIndex = Number(r.meta.scaleIndex ?? r.ordinal)
      let cell = byScale.get(scaleIndex)
      if (!cell) byScale.set(scaleIndex, (cell = { scaleIndex, scale: Number(r.meta.scale ?? NaN), bn: null, noBn: null, state: 'queued' }))
      if (r.meta.batchNorm === true) cell.bn = r
      else cell.noBn = r
    }
    const list = [...byScale.values()].sort((a, b) => a.scaleIndex - b.scaleIndex)
    for (const c of list) c.state = cellState([c.bn, c.noBn])
    return list
  })

  /** Runs ended / all runs, and iterations done / planned (a run that ended counts as complete). */
  const progress = computed(() => {
    let ended = 0
    let doneIters = 0
    let totalIters = 0
    for (const r of runs.value) {
      const terminal = isTerminal(r.status)
      if (terminal) ended++
      totalIters += r.total
      doneIters += terminal ? r.total : Math.min(r.done, r.total)
    }
    return { ended, total: runs.value.length, doneIters, totalIters, fraction: totalIters > 0 ? doneIters / totalIters : 0 }
  })

  return { cells, progress }
}
