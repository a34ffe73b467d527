/**
 * What lab 7's heatmap draws: which two searched hyperparameters are the axes, the finished
 * trials as points, the ones still to come and the failed ones, the binned cells (best or mean
 * validation accuracy of the trials inside; empty bins are not drawn), and the colour scale:
 * 0–1 by default, the trials' range in auto mode, either one narrowed by the user's clip.
 */
import { computed, ref, watch, type Ref } from 'vue'
import type { HeatCell, HeatPoint } from './types'
import type { SearchParam, SearchRange } from '@renderer/lib/contract'
import { binPoints } from './searchSpace'
import { colorScale } from '@figures/viridis'
import type { NumberField } from '@renderer/lib/forms'
import { useSearchHeatmapStore } from './searchHeatmap'
import type { Trial } from './useSearchTrials'

export function useSearchHeatmap(trials: Ref<Trial[]>, ranges: Ref<SearchRange[]>) {
  const prefs = useSearchHeatmapStore()
  const xParam = ref<SearchParam | null>(null)
  const yParam = ref<SearchParam | null>(null)
  watch(
    ranges,
    (rs) => {
      if (!rs.some((r) => r.param === xParam.value)) xParam.value = rs[0]?.param ?? null
      if (!rs.some((r) => r.param === yParam.value) || yParam.value === xParam.value) yParam.value = rs.find((r) => r.param !== xParam.value)?.param ?? null
    },
    { immediate: true },
  )
  /** Choosing an axis that the other one shows swaps them. */
  function setAxis(axis: 'x' | 'y', param: SearchParam): void {
    const [self, other] = axis === 'x' ? [xParam, yParam] : [yParam, xParam]
    if (other.value === param) other.value = self.value
    self.value = param
  }

  const xRange = computed(() => ranges.value.find((r) => r.param === xParam.value) ?? null)
  /** Null in a slice (or with one searched range): the y axis is then the validation accuracy. */
  const yRange = computed(() => (prefs.view === 'slice' ? null : (ranges.value.find((r) => r.param === yParam.value) ?? null)))
  const finished = computed(() => trials.value.filter((t) => t.valAcc !== null))
  const place = (t: Trial, fallbackY: number) => ({ x: t.values[xParam.value ?? ''] ?? NaN, y: yRange.value ? (t.values[yRange.value.param] ?? NaN) : fallbackY })

  /** Every finished trial (whether drawn or not: the cells and the colour range come from them). */
  const allPoints = computed<HeatPoint[]>(() => finished.value.map((t) => ({ ...place(t, t.valAcc!), v: t.valAcc!, runId: t.run.id, rank: t.rank })))
  const points = computed(() => (prefs.showPoints ? allPoints.value : []))
  const pendingTrials = computed(() => trials.value.filter((t) => t.valAcc === null && t.status !== 'failed'))
  const failedTrials = computed(() => trials.value.filter((t) => t.status === 'failed'))
  const pending = computed(() => pendingTrials.value.map((t) => place(t, 0)))
  const failed = computed(() => failedTrials.value.map((t) => place(t, 0)))

  const cells = computed<HeatCell[] | null>(() => {
    const [xr, yr] = [xRange.value, yRange.value]
    if (!prefs.showCells || !xr || !yr || allPoints.value.length === 0) return null
    return binPoints(allPoints.value, xr, yr, prefs.bins, prefs.bins).map((c) => ({ ...c, value: prefs.aggregate === 'best' ? c.best : c.mean }))
  })

  const clipMin = ref<NumberField>('')
  const clipMax = ref<NumberField>('')
  const autoRange = computed<[number, number]>(() => {
    const vs = allPoints.value.map((p) => p.v)
    if (vs.length === 0) return [0, 1]
    const [lo, hi] = [Math.min(...vs), Math.max(...vs)]
    return hi - lo < 0.01 ? [Math.max(0, hi - 0.01), Math.max(hi, 0.01)] : [lo, hi]
  })
  /** The range before the user's clip: 0–1 (fixed) or the trials' own (auto). */
  const baseRange = computed<[number, number]>(() => (prefs.colorMode === 'fixed' ? [0, 1] : autoRange.value))
  const scale = computed(() => {
    const lo = clipMin.value === '' ? baseRange.value[0] : clipMin.value
    const hi = clipMax.value === '' ? baseRange.value[1] : clipMax.value
    return hi > lo ? colorScale(lo, hi) : colorScale(baseRange.value[0], baseRange.value[1])
  })
  const clipInvalid = computed(() => clipMin.value !== '' && clipMax.value !== '' && !(clipMax.value > clipMin.value))
  function resetClip(): void {
    clipMin.value = ''
    clipMax.value = ''
  }

  return { prefs, xParam, yParam, setAxis, xRange, yRange, allPoints, points, pending, failed, pendingTrials, failedTrials, finished, cells, clipMin, clipMax, autoRange, baseRange, scale, clipInvalid, resetClip }
}
