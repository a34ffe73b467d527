/**
 * What a lab page's run bar shows about the experiment on the page: iterations done of planned over
 * all its runs, how many runs ended, its status, why its queued runs wait, and Pause / Resume /
 * Cancel. Pause and Cancel both stop the queued and running runs (what ended is kept); Resume
 * queues the stopped ones again (the service's resumeExperiment).
 */
import { computed, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useApi } from '../api/client'
import type { ExperimentStatus } from '../lib/contract'
import { useExperimentsStore } from '../stores/experiments'
import { isTerminal, useExperimentRuns } from './useExperimentRuns'
import { useQueueReasons } from './useQueueReasons'

export type RunBarAction = 'pause' | 'resume' | 'cancel'

export function useRunBar(experimentId: Ref<number | null>) {
  const { t } = useI18n()
  const api = useApi()
  const store = useExperimentsStore()
  const { detail, runs, active } = useExperimentRuns(experimentId)
  const acting = ref<RunBarAction | null>(null)
  const actionError = ref<string | null>(null)

  const total = computed(() => runs.value.reduce((n, r) => n + r.total, 0))
  const done = computed(() => runs.value.reduce((n, r) => n + Math.min(r.done, r.total || r.done), 0))
  const ended = computed(() => runs.value.filter((r) => isTerminal(r.status)).length)
  const status = computed<ExperimentStatus | null>(() => {
    if (runs.value.some((r) => r.status === 'running')) return 'running'
    if (runs.value.some((r) => r.status === 'queued')) return 'queued'
    return detail.value?.experiment.status ?? null
  })
  const resumable = computed(() => !active.value && runs.value.some((r) => r.status === 'cancelled' || r.status === 'interrupted'))

  const queuedIds = computed(() => runs.value.filter((r) => r.status === 'queued').map((r) => r.id))
  const reasons = useQueueReasons(queuedIds)
  /** Why the experiment waits, while none of its runs trains yet. */
  const waiting = computed(() => {
    if (status.value !== 'queued') return ''
    const behind = queuedIds.value.map((id) => reasons.value[id]).find((b) => b && b.length > 0)
    return behind ? t('progress.waitingBehind', { list: behind.map((b) => t('progress.runsOf', { n: b.runs, name: b.name }, b.runs)).join(', ') }) : ''
  })

  async function act(kind: RunBarAction): Promise<void> {
    const id = experimentId.value
    if (id === null) return
    acting.value = kind
    actionError.value = null
    try {
      if (kind === 'resume') await api.resumeExperiment({ experimentId: id })
      else await store.cancel(id)
      await store.loadDetail(id)
    } catch (err) {
      actionError.value = (err as Error).message
    } finally {
      acting.value = null
    }
  }

  return { detail, runs, active, total, done, ended, status, resumable, waiting, acting, actionError, act }
}
