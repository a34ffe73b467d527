/**
 * One Tab stop for a list of links (the sidebar): only the current item has tabindex 0, the arrow
 * keys (and Home / End) move the focus inside the list, Tab leaves it. The current item follows
 * the focus, and the route: Tab into the list lands on the page shown.
 */
import { ref } from 'vue'

export function useRovingFocus(items: () => HTMLElement[]) {
  const current = ref(0)

  function focusAt(i: number): void {
    const all = items()
    if (all.length === 0) return
    current.value = (i + all.length) % all.length
    all[current.value]!.focus()
  }

  function onKeydown(e: KeyboardEvent): void {
    const at = items().indexOf(e.target as HTMLElement)
    if (at < 0) return
    const to = { ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1, Home: 0, End: -1 }[e.key]
    if (to === undefined) return
    e.preventDefault()
    focusAt(to)
  }

  function onFocusin(e: FocusEvent): void {
    const at = items().indexOf(e.target as HTMLElement)
    if (at >= 0) current.value = at
  }

  return { current, onKeydown, onFocusin }
}
