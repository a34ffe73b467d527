/**
 * A run as the pages show it: its stored record (SQLite, via getExperiment or getRuns) merged with
 * what the event stream has brought since. Pure, so the merge is unit-tested (test/renderer).
 * While a run is going, stored points come first and live points after the last stored step; once
 * the stored record says the run ended, the record alone counts (the database is complete).
 */
import type { RunStyle } from '@figures/palette'
import { runBaseline, runChance, runNumbers, type ChanceBaseline, type ChanceVerdict, type FinalMetrics, type RunNumbers, type RunStatus, type RunWithSeries, type SeriesName } from './contract'

export interface Points {
  steps: number[]
  values: number[]
}

/** Where a run is: its error, iterations done of all, time left, final metrics and points. */
interface RunState {
  error: string | null
  done: number
  total: number
  etaMs: number | null
  final: FinalMetrics | null
  series: Partial<Record<SeriesName, Points>>
}

/** What the event stream says about one run; its point arrays are raw (non-reactive), as received. */
export interface LiveRun extends RunState {
  runId: number
  experimentId: number
  status: RunStatus | null
  /** Changes when points arrive (the arrays are not reactive). */
  tick: number
}

export interface RunView extends RunState {
  id: number
  ordinal: number
  label: string
  /** The optimizer's name for lab 2 runs. */
  optimizer: string | null
  color: string
  /** The run's marker on line charts (readable without colour). */
  marker: RunStyle['marker']
  hyperparameters: Record<string, unknown>
  /** What the lab stored about this run (e.g. { init }, { scale, batchNorm }, { cured }). */
  meta: Record<string, unknown>
  /** Iterations per epoch as the service planned it (run facts); null when the data set's size was unknown. */
  iterPerEpoch: number | null
  status: RunStatus
  /** The final numbers, or the last stored ones (with their iteration) of a run that did not finish. */
  numbers: RunNumbers
  /** Whether the ended run stayed at chance level (null while it is queued or running). */
  chance: ChanceVerdict | null
}

const TERMINAL: readonly RunStatus[] = ['finished', 'failed', 'cancelled', 'interrupted']
export const isTerminal = (s: RunStatus): boolean => TERMINAL.includes(s)

/** Stored points, then the live ones after the last stored step. */
export function mergePoints(stored: Points | undefined, live: Points | undefined): Points | undefined {
  if (!live || live.steps.length === 0) return stored
  if (!stored || stored.steps.length === 0) return live
  const last = stored.steps[stored.steps.length - 1]!
  const from = live.steps.findIndex((s) => s > last)
  if (from < 0) return stored
  return { steps: stored.steps.concat(live.steps.slice(from)), values: stored.values.concat(live.values.slice(from)) }
}

/** Appends chunks to live points, keeping steps strictly increasing whatever order or repetition they come in. */
export function appendPoints(target: Points, steps: readonly number[], values: readonly number[]): void {
  for (let i = 0; i < steps.length; i++) {
    const last = target.steps.length > 0 ? target.steps[target.steps.length - 1]! : -1
    if (steps[i]! > last) {
      target.steps.push(steps[i]!)
      target.values.push(values[i]!)
    }
  }
}

/** The numbers a run shows and whether they are at chance level. */
export function judged(status: RunStatus, final: FinalMetrics | null, series: Partial<Record<SeriesName, Points>>, baseline: ChanceBaseline): Pick<RunView, 'numbers' | 'chance'> {
  const numbers = runNumbers(final, series)
  const chance = isTerminal(status) && status !== 'failed' ? runChance([numbers.trainAcc?.value, numbers.testAcc?.value, numbers.valAcc?.value], baseline) : null
  return { numbers, chance }
}

/** The run's view: the record merged with its live state (none for a run opened from History or Compare). */
export function toRunView(run: RunWithSeries, live: LiveRun | undefined, style: RunStyle, label = run.label): RunView {
  const series: Partial<Record<SeriesName, Points>> = {}
  for (const s of run.series) series[s.series] = { steps: s.steps, values: s.values }
  const fromDb = isTerminal(run.status) || !live
  if (!fromDb) for (const name of Object.keys(live.series) as SeriesName[]) series[name] = mergePoints(series[name], live.series[name])
  const meta = run.meta as { optimizer?: unknown; hyperparameters?: unknown }
  const status = fromDb ? run.status : (live.status ?? run.status)
  const final = run.final ?? live?.final ?? null
  const lossSteps = series.loss?.steps
  const seen = lossSteps && lossSteps.length > 0 ? lossSteps[lossSteps.length - 1]! + 1 : 0
  return {
    id: run.id,
    ordinal: run.ordinal,
    label,
    optimizer: typeof meta.optimizer === 'string' ? meta.optimizer : (run.spec?.optimizer?.kind ?? null),
    color: style.color,
    marker: style.marker,
    hyperparameters: (meta.hyperparameters as Record<string, unknown>) ?? {},
    meta: run.meta,
    iterPerEpoch: run.facts.itersPerEpoch,
    status,
    error: run.error ?? live?.error ?? null,
    done: final?.iterations ?? Math.max(live?.done ?? 0, seen),
    total: live?.total || run.facts.plannedIterations || final?.iterations || seen,
    etaMs: status === 'running' ? (live?.etaMs ?? null) : null,
    final,
    series,
    ...judged(status, final, series, runBaseline(run.facts)),
  }
}
