/**
 * Lab 7's runs as trials: the sampled values, the final validation and training accuracy, the
 * curves per epoch, the rank by validation accuracy, and the progress of the whole search
 * (trials done, running now, time left from the pace of the finished trials).
 */
import { computed, type Ref } from 'vue'
import type { RunStatus } from '@renderer/lib/contract'
import { useAppInfoStore } from '@renderer/stores/appInfo'
import type { Points } from '@renderer/lib/runView'
import { isTerminal, type RunView } from '@renderer/composables/useExperimentRuns'

export interface Trial {
  run: RunView
  /** 1-based trial number (the label "trial N"). */
  trial: number
  values: Record<string, number>
  status: RunStatus
  valAcc: number | null
  trainAcc: number | null
  /** The latest validation accuracy seen (a running trial's current one). */
  lastVal: number | null
  /** Curves per epoch (x = epoch). */
  val: Points
  train: Points
  /** 1 = the best finished trial; null until the trial has finished. */
  rank: number | null
}

export interface SearchProgress {
  total: number
  finished: number
  failed: number
  stopped: number
  running: Trial[]
  queued: number
  /** Share of all planned iterations done (0–1). */
  fraction: number
  etaMs: number | null
  /** Trials a resume would queue again (cancelled, interrupted or failed). */
  resumable: number
}

function perEpochPoints(p: Points | undefined, perEpoch: number): Points {
  if (!p) return { steps: [], values: [] }
  return { steps: p.steps.map((s) => Math.round((s / perEpoch) * 1000) / 1000), values: p.values }
}

export function useSearchTrials(runs: Ref<RunView[]>) {
  const appInfo = useAppInfoStore()
  void appInfo.load()
  /** Trainer processes running at once (2 until the backend has said). */
  const parallel = computed(() => appInfo.info?.maxParallelRuns ?? 2)

  /** Iterations per epoch on the training part, as the service planned the trials (all alike). */
  const perEpoch = computed(() => runs.value.find((r) => r.iterPerEpoch !== null)?.iterPerEpoch ?? 1)
  /** Planned iterations of one trial (run facts). */
  const planned = computed(() => runs.value[0]?.total ?? 0)

  const trials = computed<Trial[]>(() => {
    const list = runs.value.map((r): Trial => {
      const hp = (r.meta.hyperparameters ?? r.hyperparameters) as Record<string, number>
      const val = perEpochPoints(r.series.valAcc, perEpoch.value)
      const finished = r.status === 'finished'
      return {
        run: r,
        trial: Number(r.meta.trial ?? r.ordinal + 1),
        values: hp ?? {},
        status: r.status,
        valAcc: finished ? (r.final?.valAcc ?? val.values.at(-1) ?? null) : null,
        trainAcc: finished ? (r.final?.trainAcc ?? r.series.trainAcc?.values.at(-1) ?? null) : null,
        lastVal: val.values.at(-1) ?? null,
        val,
        train: perEpochPoints(r.series.trainAcc, perEpoch.value),
        rank: null,
      }
    })
    const ranked = list.filter((t) => t.valAcc !== null).sort((a, b) => b.valAcc! - a.valAcc! || a.trial - b.trial)
    ranked.forEach((t, i) => (t.rank = i + 1))
    return list
  })

  /** Best first; unfinished trials after the finished ones, by trial number. */
  const ranked = computed(() => [...trials.value].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.trial - b.trial))
  const finished = computed(() => ranked.value.filter((t) => t.rank !== null))

  const progress = computed<SearchProgress>(() => {
    const all = trials.value
    const total = planned.value
    const running = all.filter((t) => t.status === 'running')
    const queued = all.filter((t) => t.status === 'queued').length
    const done = all.filter((t) => t.status === 'finished')
    const frac = (t: Trial) => (total > 0 ? Math.min(1, t.run.done / total) : 0)
    // Finished and failed trials are done with; stopped ones will start again from scratch.
    const stopped = (t: Trial) => t.status === 'cancelled' || t.status === 'interrupted'
    const work = all.reduce((s, t) => s + (isTerminal(t.status) && !stopped(t) ? 1 : t.status === 'running' ? frac(t) : 0), 0)
    // Time per trial: the finished ones' mean, else what the running ones' ETA implies.
    const times = done.map((t) => t.run.final?.elapsedMs ?? 0).filter((ms) => ms > 0)
    const fromRunning = running.filter((t) => t.run.etaMs !== null && frac(t) > 0.02 && frac(t) < 1).map((t) => t.run.etaMs! / (1 - frac(t)))
    const perTrial = times.length > 0 ? times.reduce((a, b) => a + b, 0) / times.length : fromRunning.length > 0 ? Math.max(...fromRunning) : null
    const left = queued + running.reduce((s, t) => s + (1 - frac(t)), 0)
    const active = queued + running.length > 0
    return {
      total: all.length,
      finished: done.length,
      failed: all.filter((t) => t.status === 'failed').length,
      stopped: all.filter(stopped).length,
      running,
      queued,
      fraction: all.length > 0 ? work / all.length : 0,
      etaMs: active && perTrial !== null ? (left * perTrial) / Math.max(1, Math.min(parallel.value, queued + running.length)) : null,
      resumable: all.filter((t) => t.status === 'cancelled' || t.status === 'interrupted' || t.status === 'failed').length,
    }
  })

  return { trials, ranked, finished, progress, perEpoch, planned }
}
