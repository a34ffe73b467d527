/**
 * What a random search may vary: any numeric hyperparameter of the builder, each with how it is
 * written into a run spec. A range is sampled on a log or linear scale from the search's seed.
 */
import { z } from 'zod'
import { Rng } from '../../engine'
import type { RunSpec } from '../../shared/schemas'

interface Searchable {
  /** Integer-valued (rounded after sampling). */
  int?: boolean
  /** Smallest and largest value the hyperparameter accepts. */
  bounds: [number, number]
  /** Writes the value into a (copied) spec; returns an error text if it does not apply. */
  apply(spec: RunSpec, v: number): string | void
}

const withOptimizerField = (field: string) => (spec: RunSpec, v: number) => {
  if (!(field in spec.optimizer)) return `optimizer ${spec.optimizer.kind} has no ${field}`
  ;(spec.optimizer as Record<string, unknown>)[field] = v
}

export const SEARCHABLE = {
  lr: { bounds: [1e-12, 100], apply: (s, v) => void (s.optimizer.lr = v) },
  weightDecay: { bounds: [0, 100], apply: (s, v) => void (s.network.weightDecay = v) },
  dropout: { bounds: [0, 0.99], apply: (s, v) => void s.network.hidden.forEach((b) => (b.dropout = v)) },
  momentum: { bounds: [1e-6, 0.999999], apply: withOptimizerField('momentum') },
  decayRate: { bounds: [1e-6, 0.999999], apply: withOptimizerField('decayRate') },
  beta1: { bounds: [1e-6, 0.999999], apply: withOptimizerField('beta1') },
  beta2: { bounds: [1e-6, 0.999999], apply: withOptimizerField('beta2') },
  batchSize: { int: true, bounds: [1, 8000], apply: (s, v) => void (s.batchSize = v) },
  width: { int: true, bounds: [1, 4096], apply: (s, v) => void s.network.hidden.forEach((b) => (b.width = v)) },
  initStd: { bounds: [0, 100], apply: (s, v) => void (s.network.init = { kind: 'std', std: v }) },
} satisfies Record<string, Searchable>

export type SearchParam = keyof typeof SEARCHABLE
export const SEARCH_PARAMS = Object.keys(SEARCHABLE) as SearchParam[]

export const SearchRangeSchema = z
  .object({
    param: z.enum(SEARCH_PARAMS as [SearchParam, ...SearchParam[]]),
    min: z.number().finite(),
    max: z.number().finite(),
    scale: z.enum(['log', 'linear']).default('log'),
  })
  .superRefine((r, ctx) => {
    const [lo, hi] = (SEARCHABLE[r.param] as Searchable).bounds
    if (!(r.min < r.max)) ctx.addIssue({ code: 'custom', path: ['min'], message: `min must be < max (${r.min} ≥ ${r.max})` })
    if (r.scale === 'log' && r.min <= 0) ctx.addIssue({ code: 'custom', path: ['min'], message: 'a log range needs min > 0' })
    if (r.min < lo) ctx.addIssue({ code: 'custom', path: ['min'], message: `${r.param} must be ≥ ${lo}` })
    if (r.max > hi) ctx.addIssue({ code: 'custom', path: ['max'], message: `${r.param} must be ≤ ${hi}` })
  })
export type SearchRange = z.infer<typeof SearchRangeSchema>

/** Draws one value per range for each of `trials` trials, from the seed's 'search' stream. */
export function sampleTrials(ranges: SearchRange[], trials: number, seed: number): Record<string, number>[] {
  const rng = new Rng(seed).derive('search')
  return Array.from({ length: trials }, () => {
    const values: Record<string, number> = {}
    for (const r of ranges) {
      const u = rng.uniform()
      let v = r.scale === 'log' ? 10 ** (Math.log10(r.min) + u * (Math.log10(r.max) - Math.log10(r.min))) : r.min + u * (r.max - r.min)
      if ((SEARCHABLE[r.param] as Searchable).int) v = Math.min(r.max, Math.max(r.min, Math.round(v)))
      values[r.param] = v
    }
    return values
  })
}

/** A copy of `base` with the trial's values written in; throws if a value does not apply. */
export function applyTrial(base: RunSpec, values: Record<string, number>): RunSpec {
  const spec = structuredClone(base)
  for (const [param, v] of Object.entries(values)) {
    const err = (SEARCHABLE[param as SearchParam] as Searchable).apply(spec, v)
    if (err) throw new Error(err)
  }
  return spec
}
