/**
 * Presentation mode's "one figure at a time": the figures of the page in `root` (its chart cards
 * and elements marked `data-figure`), the one shown, and stepping through them. The figure shown
 * gets `data-presenting="current"`, the others `"other"` (hidden by styles/frame.css); "show all"
 * and leaving presentation mode remove the marks. Figures are found again whenever the page's DOM
 * changes (results load late, live runs add charts), and the first is shown after a route change.
 */
import { onBeforeUnmount, onMounted, ref, watch, type Ref } from 'vue'
import { useRoute } from 'vue-router'

const FIGURES = '.chart-card, [data-figure]'

export function useFigureStepper(root: Ref<HTMLElement | null>, on: Ref<boolean>) {
  const route = useRoute()
  const figures = ref<HTMLElement[]>([])
  /** The figure shown (0-based), or -1 for all of them. */
  const index = ref(0)
  let observer: MutationObserver | null = null
  let frame = 0

  function mark(): void {
    const all = figures.value
    const current = on.value && index.value >= 0 ? Math.min(index.value, all.length - 1) : -1
    for (const [i, el] of all.entries()) {
      if (current < 0) el.removeAttribute('data-presenting')
      else el.setAttribute('data-presenting', i === current ? 'current' : 'other')
    }
  }

  function collect(): void {
    frame = 0
    const found = root.value ? [...root.value.querySelectorAll<HTMLElement>(FIGURES)].filter((el) => !el.closest('dialog, [role="dialog"]') && !el.parentElement?.closest(FIGURES)) : []
    for (const el of figures.value) if (!found.includes(el)) el.removeAttribute('data-presenting')
    figures.value = found
    mark()
  }

  const later = () => {
    if (frame === 0) frame = requestAnimationFrame(collect)
  }

  function step(by: number): void {
    const n = figures.value.length
    if (n === 0) return
    index.value = index.value < 0 ? 0 : (index.value + by + n) % n
    figures.value[index.value]?.scrollIntoView({ block: 'nearest' })
  }

  function showAll(): void {
    index.value = -1
  }

  /** Page Down / Page Up (what a presenter's clicker sends) step, unless the focus is in a field. */
  function onKey(e: KeyboardEvent): void {
    if (!on.value || (e.key !== 'PageDown' && e.key !== 'PageUp') || e.altKey || e.ctrlKey || e.metaKey) return
    const target = e.target as HTMLElement | null
    if (target?.closest('input, select, textarea, [contenteditable="true"]')) return
    if (figures.value.length === 0) return
    e.preventDefault()
    step(e.key === 'PageDown' ? 1 : -1)
  }

  onMounted(() => {
    observer = new MutationObserver(later)
    if (root.value) observer.observe(root.value, { childList: true, subtree: true })
    window.addEventListener('keydown', onKey)
    collect()
  })
  onBeforeUnmount(() => {
    observer?.disconnect()
    if (frame) cancelAnimationFrame(frame)
    window.removeEventListener('keydown', onKey)
  })
  watch(() => route.path, () => (index.value = 0))
  watch([on, index], mark)

  return { figures, index, step, showAll }
}
