/**
 * Experiments as the database has them: the History list (filtered by the backend with
 * `listFilter`) and a cache of opened experiments (with their stored runs and series). Both refresh
 * when the backend says an experiment changed. A run's live state is the runs store's (stores/runs.ts).
 */
import { defineStore } from 'pinia'
import { ref, shallowReactive } from 'vue'
import { useApi } from '../api/client'
import type { ExperimentDetail, ExperimentSummary, LabEvent, LabId } from '../lib/contract'
import { useRunsStore } from './runs'

const REFRESH_DELAY_MS = 150

/** History's filter as the user sets it; `from`/`to` are local dates (YYYY-MM-DD), both days included. */
interface ListFilter {
  labId: LabId | ''
  text: string
  tag: string
  from: string
  to: string
}
export const EMPTY_FILTER: ListFilter = { labId: '', text: '', tag: '', from: '', to: '' }

/** The filter as listExperiments wants it: local day bounds as instants. */
function listRequest(f: ListFilter) {
  const day = (d: string, time: string) => (d ? new Date(`${d}T${time}`).toISOString() : undefined)
  return {
    labId: f.labId || undefined,
    text: f.text.trim() || undefined,
    tag: f.tag.trim() || undefined,
    since: day(f.from, '00:00:00.000'),
    until: day(f.to, '23:59:59.999'),
    limit: 1000,
  }
}

export const useExperimentsStore = defineStore('experiments', () => {
  const api = useApi()
  const list = ref<ExperimentSummary[]>([])
  const listLoaded = ref(false)
  const listError = ref<string | null>(null)
  const listFilter = ref<ListFilter>({ ...EMPTY_FILTER })
  let listRequestNo = 0
  /** Opened experiments by id; shallow, because a detail is replaced whole, never patched. */
  const details = shallowReactive(new Map<number, ExperimentDetail>())
  const detailErrors = shallowReactive(new Map<number, string>())
  /** The experiment each lab page showed last, so coming back to the page shows it again. */
  const lastByLab = ref<Partial<Record<LabId, number>>>({})

  const timers = new Map<number | 'list', ReturnType<typeof setTimeout>>()
  function later(key: number | 'list', fn: () => void): void {
    clearTimeout(timers.get(key))
    timers.set(key, setTimeout(() => { timers.delete(key); fn() }, REFRESH_DELAY_MS))
  }

  async function refreshList(): Promise<void> {
    const no = ++listRequestNo
    try {
      const result = await api.listExperiments(listRequest(listFilter.value))
      // A slower answer to an older filter must not replace a newer one.
      if (no !== listRequestNo) return
      list.value = result
      listError.value = null
    } catch (err) {
      if (no === listRequestNo) listError.value = (err as Error).message
    } finally {
      if (no === listRequestNo) listLoaded.value = true
    }
  }

  function setListFilter(f: ListFilter): Promise<void> {
    listFilter.value = { ...f }
    return refreshList()
  }

  async function loadDetail(id: number): Promise<ExperimentDetail | null> {
    try {
      const detail = await api.getExperiment({ experimentId: id })
      // The runs store drops the live state of runs the database now has complete.
      useRunsStore().settle(detail.runs)
      details.set(id, detail)
      detailErrors.delete(id)
      return detail
    } catch (err) {
      details.delete(id)
      detailErrors.set(id, (err as Error).message)
      return null
    }
  }

  async function start(labId: LabId, params: Record<string, unknown>, name?: string): Promise<number> {
    const { experimentId } = await api.startLab({ labId, params, name })
    lastByLab.value[labId] = experimentId
    await loadDetail(experimentId)
    return experimentId
  }

  async function cancel(id: number): Promise<void> {
    await api.cancelExperiment({ experimentId: id })
  }

  async function rename(id: number, name: string): Promise<void> {
    await api.renameExperiment({ experimentId: id, name })
    await Promise.all([refreshList(), details.has(id) ? loadDetail(id) : null])
  }

  async function setTags(id: number, tags: string[]): Promise<void> {
    await api.setExperimentTags({ experimentId: id, tags })
    await Promise.all([refreshList(), details.has(id) ? loadDetail(id) : null])
  }

  /** Runs the experiment again with the same lab, parameters and seed (named in the user's language); returns the new experiment's id. */
  async function rerun(id: number, name?: string): Promise<number> {
    const { experimentId } = await api.rerunExperiment({ experimentId: id, name })
    await Promise.all([refreshList(), loadDetail(experimentId)])
    return experimentId
  }

  async function remove(id: number): Promise<void> {
    await api.deleteExperiment({ experimentId: id })
    details.delete(id)
    for (const [lab, last] of Object.entries(lastByLab.value)) if (last === id) delete lastByLab.value[lab as LabId]
    await refreshList()
  }

  /** Keeps the list and the opened experiments in step with the backend. */
  function onEvent(e: LabEvent): void {
    if (e.type !== 'experiment.changed') return
    if (listLoaded.value) later('list', () => void refreshList())
    if (details.has(e.experimentId)) later(e.experimentId, () => void loadDetail(e.experimentId))
  }

  /** After the event link was down: reload everything shown, events may have been missed. */
  function refreshAll(): void {
    if (listLoaded.value) void refreshList()
    for (const id of details.keys()) void loadDetail(id)
  }

  return {
    list, listLoaded, listError, listFilter, details, detailErrors, lastByLab,
    refreshList, setListFilter, loadDetail, start, cancel, rename, setTags, rerun, remove, onEvent, refreshAll,
  }
})
