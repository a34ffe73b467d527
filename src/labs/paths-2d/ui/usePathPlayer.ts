/**
 * The animation of lab 1: the current step (0 = the start point, n = after n updates), play,
 * pause and single steps. At the end of the paths the step follows the end when the paths grow
 * or shrink, so the full figure stays shown; elsewhere it stays put (clamped).
 */
import { computed, onBeforeUnmount, ref, watch, type Ref } from 'vue'

/** About how long playing the whole path takes, whatever the number of steps. */
const TOTAL_MS = 6000
const MIN_TICK_MS = 40

export type PlayerSpeed = 'slow' | 'normal' | 'fast'
const SPEED: Record<PlayerSpeed, number> = { slow: 2, normal: 1, fast: 0.4 }

export function usePathPlayer(maxStep: Readonly<Ref<number>>) {
  const step = ref(maxStep.value)
  const playing = ref(false)
  const speed = ref<PlayerSpeed>('normal')
  let timer: ReturnType<typeof setInterval> | null = null

  const atEnd = computed(() => step.value >= maxStep.value)

  watch(maxStep, (max, old) => {
    if (step.value >= old || step.value > max) step.value = max
  })

  function pause(): void {
    if (timer) clearInterval(timer)
    timer = null
    playing.value = false
  }

  function play(): void {
    pause()
    if (atEnd.value) step.value = 0
    const tickMs = Math.max(MIN_TICK_MS, (TOTAL_MS * SPEED[speed.value]) / Math.max(1, maxStep.value))
    const perTick = Math.max(1, Math.round((maxStep.value * tickMs) / (TOTAL_MS * SPEED[speed.value])))
    playing.value = true
    timer = setInterval(() => {
      step.value = Math.min(maxStep.value, step.value + perTick)
      if (step.value >= maxStep.value) pause()
    }, tickMs)
  }

  function toggle(): void {
    if (playing.value) pause()
    else play()
  }

  function seek(s: number): void {
    step.value = Math.max(0, Math.min(maxStep.value, Math.round(s)))
  }

  function stepBy(delta: number): void {
    pause()
    seek(step.value + delta)
  }

  watch(speed, () => {
    if (playing.value) play()
  })
  onBeforeUnmount(pause)

  return { step, playing, speed, atEnd, play, pause, toggle, seek, stepBy }
}
