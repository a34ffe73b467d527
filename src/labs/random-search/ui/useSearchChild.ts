/**
 * Zooming in, as the lesson says: a rectangle selected on the heatmap becomes narrowed ranges
 * (the other searched ranges stay as they were), shown for confirmation, then launched as a
 * child search linked to its parent (same network, data, epochs and seed).
 */
import { computed, ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'
import { useApi } from '@renderer/api/client'
import { labEntry } from '@renderer/labs/catalog'
import type { RandomSearchParams, SearchParam, SearchRange } from '@renderer/lib/contract'
import { inRange, narrowRange } from './searchSpace'
import { useExperimentsStore } from '@renderer/stores/experiments'
import { useRandomSearchForm } from './randomSearchForm'
import type { Trial } from './useSearchTrials'

/** A dragged rectangle in data units, per searched hyperparameter. */
export type Selection = Partial<Record<SearchParam, [number, number]>>

export interface ChildProposal {
  ranges: { from: SearchRange; to: SearchRange; narrowed: boolean }[]
  /** Finished trials of the parent inside the new ranges, and the best of them. */
  inside: number
  bestInside: number | null
}

export function useSearchChild(parentId: Ref<number>, params: Ref<RandomSearchParams | null>, finished: Ref<Trial[]>) {
  const { t } = useI18n()
  const api = useApi()
  const router = useRouter()
  const store = useExperimentsStore()
  const proposal = ref<ChildProposal | null>(null)
  const trials = ref<number | ''>(50)
  const launching = ref(false)
  const launchError = ref<string | null>(null)

  /** Turns a selection into a proposal; false when it is too thin to search. */
  function propose(sel: Selection): boolean {
    const p = params.value
    if (!p) return false
    const ranges = p.ranges.map((from) => {
      const span = sel[from.param]
      const to = span ? narrowRange(from, span[0], span[1]) : from
      return { from, to: to ?? from, narrowed: span !== undefined && to !== null }
    })
    if (!ranges.some((r) => r.narrowed)) return false
    const inside = finished.value.filter((tr) => ranges.every((r) => inRange(tr.values[r.to.param] ?? NaN, r.to)))
    proposal.value = { ranges, inside: inside.length, bestInside: inside.length > 0 ? Math.max(...inside.map((tr) => tr.valAcc ?? 0)) : null }
    trials.value = Math.min(p.trials, 50)
    launchError.value = null
    return true
  }

  const childParams = computed(() => (params.value && proposal.value ? { ...params.value, trials: trials.value, ranges: proposal.value.ranges.map((r) => r.to) } : null))

  async function launch(): Promise<void> {
    const p = childParams.value
    if (!p) return
    launching.value = true
    launchError.value = null
    try {
      const symbols = p.ranges.map((r) => t(`random-search.sym.${r.param}`)).join(' × ')
      const name = t('random-search.childName', { n: p.trials, params: symbols, parent: parentId.value })
      const { experimentId } = await api.startLab({ labId: 'random-search', params: p, name, parentId: parentId.value })
      store.lastByLab['random-search'] = experimentId
      await Promise.all([store.loadDetail(experimentId), store.refreshList()])
      useRandomSearchForm().load(p)
      proposal.value = null
      await router.push({ path: labEntry('random-search').path, query: { experiment: String(experimentId) } })
    } catch (err) {
      launchError.value = (err as Error).message
    } finally {
      launching.value = false
    }
  }

  return { proposal, trials, childParams, launching, launchError, propose, launch, dismiss: () => (proposal.value = null) }
}
