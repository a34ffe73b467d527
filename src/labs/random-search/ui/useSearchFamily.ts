/**
 * A search's relatives: the parent it narrows (if any) and the child searches launched from it,
 * each with its best validation accuracy so far (read from the stored runs, and kept current by
 * the experiments store as they change).
 */
import { computed, watch, type Ref } from 'vue'
import type { ExperimentDetail, ExperimentSummary } from '@renderer/lib/contract'
import { useExperimentsStore } from '@renderer/stores/experiments'

export interface SearchRelative {
  id: number
  name: string
  status: ExperimentSummary['status']
  runCount: number
  runsDone: number
  best: number | null
}

function bestVal(d: ExperimentDetail | undefined): number | null {
  let best: number | null = null
  for (const r of d?.runs ?? []) {
    const v = r.status === 'finished' ? (r.final?.valAcc ?? null) : null
    if (v !== null && (best === null || v > best)) best = v
  }
  return best
}

export function useSearchFamily(experimentId: Ref<number>, detail: Ref<ExperimentDetail | null>) {
  const store = useExperimentsStore()
  if (!store.listLoaded) void store.refreshList()

  const parentId = computed(() => detail.value?.experiment.parentId ?? null)
  const childSummaries = computed(() => store.list.filter((e) => e.parentId === experimentId.value && e.labId === 'random-search').sort((a, b) => a.id - b.id))

  // Children's runs are needed for their best accuracy; the store keeps loaded details current.
  watch(
    () => childSummaries.value.map((c) => c.id).join(','),
    () => {
      for (const c of childSummaries.value) if (!store.details.has(c.id)) void store.loadDetail(c.id)
    },
    { immediate: true },
  )
  watch(
    parentId,
    (id) => {
      if (id !== null && !store.details.has(id)) void store.loadDetail(id)
    },
    { immediate: true },
  )

  const toRelative = (s: ExperimentSummary | ExperimentDetail['experiment']): SearchRelative => ({
    id: s.id,
    name: s.name,
    status: s.status,
    runCount: s.runCount,
    runsDone: s.runsDone,
    best: bestVal(store.details.get(s.id)),
  })

  const parent = computed<SearchRelative | null>(() => {
    const id = parentId.value
    if (id === null) return null
    const d = store.details.get(id)
    const s = d?.experiment ?? store.list.find((e) => e.id === id)
    return s ? toRelative(s) : { id, name: `#${id}`, status: 'finished', runCount: 0, runsDone: 0, best: null }
  })
  const children = computed(() => childSummaries.value.map(toRelative))

  /** Reloads the list so a child that was just launched shows up. */
  const refresh = () => store.refreshList()

  return { parent, children, refresh }
}
