/**
 * An estimated time per epoch (and for the whole run) of the network in the builder form: real
 * engine steps are timed in this window, once per network shape, a moment after the user stops
 * typing; the data counts and the budget then scale it. It is an estimate: the trainer process
 * runs the same code, but other runs may share the machine.
 */
import { computed, onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue'
import type { BuilderParams } from '@renderer/lib/contract'
import { epochMs, timeSteps, type EpochCounts, type StepTiming } from './stepTiming'

const DEBOUNCE_MS = 350
const cache = new Map<string, StepTiming>()

interface EpochEstimate {
  stepMs: number
  epochMs: number
  totalMs: number
}

export function useEpochEstimate(params: Ref<BuilderParams | null>, counts: Ref<EpochCounts | null>) {
  const timing = shallowRef<StepTiming | null>(null)
  const measuring = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined

  /** What the cost of a step depends on: the blocks, the dropout form and the optimizer's kind (not its numbers). */
  const shapeKey = computed(() => {
    const p = params.value
    if (!p) return null
    return JSON.stringify([p.hidden, p.dropoutMode, p.optimizer.kind, Math.min(p.batchSize, 512)])
  })

  watch(
    shapeKey,
    (key) => {
      clearTimeout(timer)
      if (key === null) return void (measuring.value = false)
      const known = cache.get(key)
      if (known) {
        timing.value = known
        measuring.value = false
        return
      }
      measuring.value = true
      timer = setTimeout(() => {
        const p = params.value
        if (!p || shapeKey.value !== key) return
        const t = timeSteps({ hidden: p.hidden, dropoutMode: p.dropoutMode, optimizer: p.optimizer }, p.batchSize)
        cache.set(key, t)
        timing.value = t
        measuring.value = false
      }, DEBOUNCE_MS)
    },
    { immediate: true },
  )
  onScopeDispose(() => clearTimeout(timer))

  const estimate = computed<EpochEstimate | null>(() => {
    const p = params.value
    const c = counts.value
    if (!p || !c || !timing.value) return null
    const e = epochMs(timing.value, p.batchSize, c)
    const evalMs = e.epochMs - e.iterations * e.stepMs
    const totalMs = p.budget.unit === 'epochs' ? p.budget.count * e.epochMs : p.budget.count * e.stepMs + Math.floor(p.budget.count / e.iterations) * evalMs
    return { stepMs: e.stepMs, epochMs: e.epochMs, totalMs }
  })

  return { estimate, measuring }
}
