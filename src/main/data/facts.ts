/**
 * Run facts at plan time from the data set itself: its training split's size and the majority
 * class rate of the rows each run trains on. One experiment's runs usually share their data and
 * seed (a search's trials, a race), so labels and rates are read and counted once per start.
 */
import { runFacts, type RunFacts } from '../../shared/run-facts'
import type { RunSpec } from '../../shared/schemas'
import { trainLabelsOf, trainMajorityRate } from './sizes'

export function planFacts(builtinPath: string): (spec: RunSpec) => RunFacts {
  const labels = new Map<string, Uint8Array | null>()
  const rates = new Map<string, number | null>()
  return (spec) => {
    const source = JSON.stringify(spec.data.source)
    if (!labels.has(source)) labels.set(source, trainLabelsOf(spec.data.source, builtinPath))
    const l = labels.get(source)!
    const key = JSON.stringify([spec.data.source, spec.data.trainSize, spec.data.validationSplit, spec.seed])
    if (!rates.has(key)) rates.set(key, l ? trainMajorityRate(l, spec.data, spec.seed) : null)
    return runFacts(spec, l?.length ?? null, rates.get(key)!)
  }
}
