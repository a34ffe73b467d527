/**
 * The inside records of a few runs (getRunInside), kept up to date from `run.inside` events while
 * they train. Frames stay raw (not reactive); `tick` changes when any arrive.
 */
import { markRaw, onScopeDispose, reactive, ref, watch, type Ref } from 'vue'
import { useApi } from '../api/client'
import type { InsideFrame, RunInside } from '../lib/contract'

export interface InsideEntry {
  inside: RunInside | null
  error: string | null
}

function insertFrame(frames: InsideFrame[], f: InsideFrame): void {
  const i = frames.findIndex((x) => x.step >= f.step)
  if (i < 0) frames.push(f)
  else if (frames[i]!.step === f.step) frames[i] = f
  else frames.splice(i, 0, f)
}

export function useRunInside(runIds: Ref<number[]>) {
  const api = useApi()
  const entries = reactive(new Map<number, InsideEntry>())
  const tick = ref(0)

  watch(
    runIds,
    (ids) => {
      for (const id of ids) {
        if (entries.has(id)) continue
        entries.set(id, { inside: null, error: null })
        api.getRunInside({ runId: id }).then(
          (inside) => {
            const live = entries.get(id)?.inside?.frames ?? []
            for (const f of live) insertFrame(inside.frames, f)
            entries.set(id, { inside: markRaw(inside), error: null })
            tick.value++
          },
          (err: Error) => entries.set(id, { inside: null, error: err.message }),
        )
      }
    },
    { immediate: true },
  )

  const off = api.onEvent((e) => {
    if (e.type !== 'run.inside' || !runIds.value.includes(e.runId)) return
    const entry = entries.get(e.runId)
    if (!entry) return
    const inside = entry.inside ?? markRaw({ digits: null, frames: [] })
    insertFrame(inside.frames, e.frame)
    if (e.digits) inside.digits = e.digits
    if (!entry.inside) entries.set(e.runId, { inside, error: null })
    tick.value++
  })
  onScopeDispose(off)

  return { entries, tick }
}
