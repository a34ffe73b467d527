/**
 * Lab 3's computed cells, by settings key, kept while the app runs: switching an init or an
 * activation off and on again, or coming back to the page, shows them at once. Only the missing
 * cells are computed (in a worker); a newer request supersedes an older one.
 */
import { defineStore } from 'pinia'
import { markRaw, ref, shallowReactive } from 'vue'
import type { InitHistogramsParams } from '@renderer/lib/contract'
import { createHistogramComputer, type HistogramComputer } from './histogramComputer'
import { cellKey, type HistogramCell, type HistogramReply } from '@renderer/lib/histogramJobs'

const KEEP = 60

export const useHistogramCells = defineStore('histogramCells', () => {
  const cells = shallowReactive(new Map<string, HistogramCell>())
  const errors = shallowReactive(new Map<string, string>())
  /** Cells of the latest request still being computed. */
  const pending = ref(0)
  let computer: HistogramComputer | null = null
  let generation = 0
  let wanted = new Set<string>()

  function onReply(r: HistogramReply): void {
    if (r.generation !== generation) return
    if (r.cell) cells.set(r.key, markRaw(r.cell))
    else errors.set(r.key, r.error ?? 'failed')
    pending.value = Math.max(0, pending.value - 1)
  }

  function forgetUnwanted(): void {
    for (const key of cells.keys()) {
      if (cells.size <= KEEP) return
      if (!wanted.has(key)) cells.delete(key)
    }
  }

  function request(p: InitHistogramsParams): void {
    // A plain copy: the request crosses to the worker (structured clone).
    const { inits, activations, ...base } = JSON.parse(JSON.stringify(p)) as InitHistogramsParams
    const jobs = inits.flatMap((init) => activations.map((activation) => ({ key: cellKey(base, init, activation), init, activation })))
    wanted = new Set(jobs.map((j) => j.key))
    forgetUnwanted()
    const missing = jobs.filter((j) => !cells.has(j.key))
    for (const j of missing) errors.delete(j.key)
    generation++
    pending.value = missing.length
    if (missing.length === 0) return
    computer ??= createHistogramComputer(onReply)
    computer.compute({ generation, base, jobs: missing })
  }

  return { cells, errors, pending, request }
})
