/**
 * Lab 7, hyperparameter_optimization: random search. 500 training samples with 20% held out for
 * validation, 6×100, SGD, batch 100, 50 epochs, 100 trials; lr = 10^U(−6,−2), λ = 10^U(−8,−4).
 * Every trial is a stored run of the same experiment (same seed: same split and mini-batches).
 * Each trial draws fresh initial weights, as the book does (its network is rebuilt per trial);
 * `sameWeights` gives every trial the seed's weights instead (one initialization for all).
 */
import { z } from 'zod'
import { builderFields, builderKeys, builderRunSpec } from '../builder/lab'
import { Rng } from '../../engine'
import { ParamError, boolKey, intKey, parseNumber, showPlain } from '../keys'
import { SearchRangeSchema, applyTrial, sampleTrials, type SearchRange } from './search-space'
import { runLab } from '../define'
import type { CliKey } from '../types'

export const RandomSearchParamsSchema = z.object({
  ...builderFields,
  hidden: builderFields.hidden.default(() => Array.from({ length: 6 }, () => ({ width: 100, batchNorm: false, activation: 'relu' as const, dropout: 0 }))),
  trainSize: z.number().int().positive('trainSize must be > 0').default(500),
  validationSplit: z.number().gt(0, 'a search needs a validation split > 0').lt(1).default(0.2),
  budget: builderFields.budget.default({ unit: 'epochs', count: 50 }),
  trials: z.number().int().positive('trials must be > 0').max(2000).default(100),
  /** Layer snapshots for every trial (issue 12): off by default, a search has many short runs. */
  snapshots: z.boolean().default(false),
  /** false (the book): fresh initial weights per trial; true: the same weights for every trial. */
  sameWeights: z.boolean().default(false),
  ranges: z
    .array(SearchRangeSchema)
    .min(1, 'search at least one hyperparameter')
    .max(4)
    .refine((r) => new Set(r.map((x) => x.param)).size === r.length, 'each hyperparameter may be searched once')
    .default([
      { param: 'lr', min: 1e-6, max: 1e-2, scale: 'log' },
      { param: 'weightDecay', min: 1e-8, max: 1e-4, scale: 'log' },
    ]),
})
export type RandomSearchParams = z.infer<typeof RandomSearchParamsSchema>

/** `lr.min=1e-5`, `wd.max=1e-3`: one end of a searched range (wd = weightDecay). */
function rangeKey(alias: string, param: SearchRange['param'], end: 'min' | 'max'): CliKey {
  return {
    key: `${alias}.${end}`,
    help: `${end} of the ${param} range`,
    show: (p) => {
      const r = ((p.ranges as SearchRange[]) ?? []).find((x) => x.param === param)
      return r ? [[`${alias}.${end}`, String(r[end])]] : []
    },
    set: (p, v, key) => {
      const ranges = (p.ranges as SearchRange[]) ?? []
      const n = parseNumber(key, v, { positive: true })
      const r = ranges.find((x) => x.param === param)
      if (!r) throw new ParamError(key, `${param} is not searched`)
      r[end] = n
    },
  }
}

/** `snapshots=true`: record the trials' insides too (issue 12). */
const snapshotsKey: CliKey = {
  key: 'snapshots',
  help: 'layer snapshots of every trial for the Inside panel (true | false; default false)',
  show: showPlain('snapshots'),
  set: (p, v, key) => {
    if (v !== 'true' && v !== 'false') throw new ParamError(key, `'${v}' is not true or false`)
    p.snapshots = v === 'true'
  },
}

export const randomSearchLab = runLab('random-search', 'hyperparameter', RandomSearchParamsSchema, {
  book: 'Lab 7: 100 trials, lr 10^U(−6,−2) × weight decay 10^U(−8,−4), 6×100, 50 epochs on 400 + 100 validation',
  keys: [
    intKey('trials', 'trials (book: 100)'),
    snapshotsKey,
    boolKey('sameWeights', 'the same initial weights for every trial (book: false, fresh weights per trial)'),
    rangeKey('lr', 'lr', 'min'),
    rangeKey('lr', 'lr', 'max'),
    rangeKey('wd', 'weightDecay', 'min'),
    rangeKey('wd', 'weightDecay', 'max'),
    ...builderKeys.filter((k) => !['lr', 'lambda'].includes(k.key)),
  ],
  defaultName: (p) => `Random search: ${p.trials} trials over ${p.ranges.map((r) => r.param).join(' × ')}`,
  plan: (p) => {
    const base = { ...builderRunSpec(p, { evalTest: false, recordLoss: false }), snapshots: p.snapshots }
    return sampleTrials(p.ranges, p.trials, p.seed).map((values, i) => {
      const spec = applyTrial(base, values)
      if (!p.sameWeights) spec.network.initSeed = trialInitSeed(p.seed, i + 1)
      return { label: `trial ${i + 1}`, meta: { trial: i + 1, hyperparameters: values, optimizer: p.optimizer.kind }, spec }
    })
  },
})

/** The initial-weight seed of trial `trial` (1-based): its own stream of the search's seed. */
export function trialInitSeed(seed: number, trial: number): number {
  return new Rng(seed).derive(`trial-weights-${trial}`).nextUint32() >>> 1
}
