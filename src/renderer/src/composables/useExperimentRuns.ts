/**
 * One experiment as the pages show it: the stored detail (SQLite, via getExperiment) merged with
 * what the event stream has brought since. Once every run has ended, the detail is reloaded and
 * the page draws from the database alone, the same as when it is opened later from History.
 */
import { computed, ref, watch, type Ref } from 'vue'
import { useApi } from '../api/client'
import { optimizerColor } from '@figures/palette'
import { runBaseline, runChance, runNumbers, type ChanceBaseline, type ChanceVerdict, type ExperimentDetail, type FinalMetrics, type RunNumbers, type RunStatus, type RunWithSeries, type SeriesName } from '../lib/contract'
import { useExperimentsStore } from '../stores/experiments'
import { useLiveRunsStore, type LiveRun, type Points } from '../stores/liveRuns'

export interface RunView {
  id: number
  ordinal: number
  label: string
  /** The optimizer's name for lab 2 runs (also the colour key). */
  optimizer: string | null
  color: string
  hyperparameters: Record<string, unknown>
  /** What the lab stored about this run (e.g. { init }, { scale, batchNorm }, { cured }). */
  meta: Record<string, unknown>
  /** Iterations per epoch as the service planned it (run facts); null when the data set's size was unknown. */
  iterPerEpoch: number | null
  status: RunStatus
  error: string | null
  done: number
  total: number
  etaMs: number | null
  final: FinalMetrics | null
  series: Partial<Record<SeriesName, Points>>
  /** The final numbers, or the last stored ones (with their iteration) of a run that did not finish. */
  numbers: RunNumbers
  /** Whether the ended run stayed at chance level (null while it is queued or running). */
  chance: ChanceVerdict | null
}

const TERMINAL: readonly RunStatus[] = ['finished', 'failed', 'cancelled', 'interrupted']
export const isTerminal = (s: RunStatus): boolean => TERMINAL.includes(s)

function mergePoints(stored: Points | undefined, live: Points | undefined): Points | undefined {
  if (!live || live.steps.length === 0) return stored
  if (!stored || stored.steps.length === 0) return live
  const last = stored.steps[stored.steps.length - 1]!
  const from = live.steps.findIndex((s) => s > last)
  if (from < 0) return stored
  return { steps: stored.steps.concat(live.steps.slice(from)), values: stored.values.concat(live.values.slice(from)) }
}

/** A run's colour from its stored record; by default its optimizer's. */
export type RunColor = (run: RunWithSeries) => string

const optimizerRunColor: RunColor = (run) => optimizerColor(typeof run.meta.optimizer === 'string' ? run.meta.optimizer : null, run.ordinal)

function toView(run: RunWithSeries, live: LiveRun | undefined, color: RunColor): RunView {
  const stored: Partial<Record<SeriesName, Points>> = {}
  for (const s of run.series) stored[s.series] = { steps: s.steps, values: s.values }
  const fromDb = isTerminal(run.status) || !live
  const meta = run.meta as { optimizer?: unknown; hyperparameters?: unknown }
  const optimizer = typeof meta.optimizer === 'string' ? meta.optimizer : null
  const { itersPerEpoch: iterPerEpoch, plannedIterations: budget } = run.facts
  const series: Partial<Record<SeriesName, Points>> = { ...stored }
  // Reading `tick` makes this view recompute when new points arrive (the arrays are not reactive).
  void live?.tick
  if (!fromDb) for (const name of Object.keys(live.series) as SeriesName[]) series[name] = mergePoints(stored[name], live.series[name])
  const status = fromDb ? run.status : (live.status ?? run.status)
  const final = run.final ?? live?.final ?? null
  const lossSteps = series.loss?.steps
  const seen = lossSteps && lossSteps.length > 0 ? lossSteps[lossSteps.length - 1]! + 1 : 0
  return {
    id: run.id,
    ordinal: run.ordinal,
    label: run.label,
    optimizer,
    color: color(run),
    hyperparameters: (meta.hyperparameters as Record<string, unknown>) ?? {},
    meta: run.meta,
    iterPerEpoch,
    status,
    error: run.error ?? live?.error ?? null,
    done: final?.iterations ?? Math.max(live?.done ?? 0, seen),
    total: live?.total || budget || final?.iterations || 0,
    etaMs: status === 'running' ? (live?.etaMs ?? null) : null,
    final,
    series,
    ...judged(status, final, series, runBaseline(run.facts)),
  }
}

/** The numbers a run shows and whether they are at chance level (also used by Compare). */
export function judged(status: RunStatus, final: FinalMetrics | null, series: Partial<Record<SeriesName, Points>>, baseline: ChanceBaseline): Pick<RunView, 'numbers' | 'chance'> {
  const numbers = runNumbers(final, series)
  const chance = isTerminal(status) && status !== 'failed' ? runChance([numbers.trainAcc?.value, numbers.testAcc?.value, numbers.valAcc?.value], baseline) : null
  return { numbers, chance }
}

export function useExperimentRuns(id: Ref<number | null>, opts: { runColor?: RunColor } = {}) {
  const api = useApi()
  const store = useExperimentsStore()
  const live = useLiveRunsStore()
  const loading = ref(false)

  const detail = computed<ExperimentDetail | null>(() => (id.value === null ? null : (store.details.get(id.value) ?? null)))
  const error = computed(() => (id.value === null ? null : (store.detailErrors.get(id.value) ?? null)))

  watch(
    id,
    async (value) => {
      if (value === null) return
      loading.value = !store.details.has(value)
      const [, active] = await Promise.all([store.loadDetail(value), api.activeRuns({}).catch(() => [])])
      live.seedProgress(active.filter((a) => a.experimentId === value))
      loading.value = false
    },
    { immediate: true },
  )

  const runs = computed<RunView[]>(() => (detail.value?.runs ?? []).map((r) => toView(r, live.runs[r.id], opts.runColor ?? optimizerRunColor)))
  const active = computed(() => runs.value.some((r) => !isTerminal(r.status)))

  // When the stream says every run has ended but the stored detail still shows some running,
  // reload it: from then on the charts come from the database only.
  watch(
    () => detail.value !== null && !active.value && detail.value.runs.some((r) => !isTerminal(r.status)),
    (stale) => {
      if (stale && id.value !== null) void store.loadDetail(id.value)
    },
  )
  watch(detail, (d) => {
    if (d) live.forget(d.runs.filter((r) => isTerminal(r.status)).map((r) => r.id))
  })

  return { detail, runs, active, loading, error }
}
