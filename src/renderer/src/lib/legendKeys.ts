/**
 * Compact legends (issue 11): of the settings that differ between compared runs, the fewest that
 * still tell every run apart; among as few, the ones that say most about what was tried (the
 * experiment and then the seed come last). "#1 · SGD · lr 0.01 · seed 1" becomes "#1 · SGD" when
 * the learning rate and the seed follow from the rest; the table beside the chart lists them all.
 */
import type { FactKey, Facts } from './runDiff'

const LAST: readonly FactKey[] = ['experiment', 'seed']
/** Beyond this many differing settings, subsets are not searched: every differing setting is named. */
const MAX_SEARCHED = 12

function* combinations<T>(items: readonly T[], size: number, from = 0): Generator<T[]> {
  if (size === 0) return yield []
  for (let i = from; i <= items.length - size; i++) for (const rest of combinations(items, size - 1, i + 1)) yield [items[i]!, ...rest]
}

export function distinguishingKeys(differing: readonly FactKey[], facts: readonly Facts[]): FactKey[] {
  if (differing.length > MAX_SEARCHED) return [...differing]
  const order = [...differing.filter((k) => !LAST.includes(k)), ...LAST.filter((k) => differing.includes(k))]
  const distinct = (keys: FactKey[]) => new Set(facts.map((f) => JSON.stringify(keys.map((k) => f[k] ?? null)))).size === facts.length
  for (let size = 1; size <= order.length; size++)
    for (const keys of combinations(order, size)) if (distinct(keys)) return differing.filter((k) => keys.includes(k))
  return [...differing]
}
