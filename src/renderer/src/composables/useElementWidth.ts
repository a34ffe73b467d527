/** The content width of an element in CSS pixels, kept up to date by a ResizeObserver. */
import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

export function useElementWidth(el: Ref<HTMLElement | null>) {
  const width = ref(0)
  let observer: ResizeObserver | null = null
  onMounted(() => {
    if (!el.value) return
    width.value = Math.floor(el.value.clientWidth)
    observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]!.contentRect.width)
      if (w > 0 && w !== width.value) width.value = w
    })
    observer.observe(el.value)
  })
  onBeforeUnmount(() => observer?.disconnect())
  return width
}
