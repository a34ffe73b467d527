/**
 * What differs between runs: each run's settings flattened into named facts (experiment, network,
 * initial weights, optimizer and each hyperparameter, data, budget, seed…), then only the facts
 * whose values are not the same in every run. A comparison's legend and summary name these.
 */
import { initLabel, type RunWithSeries } from './contract'

/** Fact keys in the order they are shown; each has a `compare.keys.*` message. */
const FACT_KEYS = [
  'experiment',
  'lab',
  'hidden',
  'init',
  'weightDecay',
  'dropoutMode',
  'optimizer',
  'lr',
  'momentum',
  'decayRate',
  'beta1',
  'beta2',
  'data',
  'trainSize',
  'validationSplit',
  'batchSize',
  'budget',
  'sampling',
  'seed',
] as const
export type FactKey = (typeof FACT_KEYS)[number]
export type Facts = Partial<Record<FactKey, string>>

const num = (v: number): string => String(Number(v.toPrecision(6)))

function hiddenText(hidden: RunWithSeries['spec']['network']['hidden']): string {
  return hidden.map((b) => [b.width, b.batchNorm ? 'BN' : '', b.activation, b.dropout > 0 ? `drop ${num(b.dropout)}` : ''].filter(Boolean).join(' ')).join(' → ')
}

/** A run's settings as facts; `labId` comes from its experiment when known. */
export function runFacts(run: RunWithSeries, labId?: string): Facts {
  const { network, optimizer, data, budget } = run.spec
  const facts: Facts = {
    experiment: `#${run.experimentId}`,
    lab: labId,
    hidden: hiddenText(network.hidden),
    init: initLabel(network.init),
    weightDecay: num(network.weightDecay),
    dropoutMode: network.hidden.some((b) => b.dropout > 0) ? network.dropoutMode : undefined,
    optimizer: optimizer.kind,
    data: data.source.kind === 'builtin-mnist' ? 'builtin-mnist' : data.source.dir,
    trainSize: data.trainSize === undefined ? 'all' : String(data.trainSize),
    validationSplit: num(data.validationSplit ?? 0),
    batchSize: String(run.spec.batchSize),
    budget: `${budget.count} ${budget.unit}`,
    sampling: run.spec.sampling,
    seed: String(run.spec.seed),
  }
  for (const h of ['lr', 'momentum', 'decayRate', 'beta1', 'beta2'] as const) {
    const v = (optimizer as Record<string, unknown>)[h]
    if (typeof v === 'number') facts[h] = num(v)
  }
  return facts
}

/**
 * Keys every run has, with values that are not all the same. A key only some runs have is left
 * out: SGD has no β1, and "optimizer: sgd vs adam" already says so.
 */
export function differingKeys(all: Facts[]): FactKey[] {
  if (all.length < 2) return []
  return FACT_KEYS.filter((k) => all.every((f) => f[k] !== undefined) && new Set(all.map((f) => f[k])).size > 1)
}

/** Keys with one value shared by every run. */
export function commonKeys(all: Facts[]): FactKey[] {
  if (all.length === 0) return []
  return FACT_KEYS.filter((k) => all[0]![k] !== undefined && all.every((f) => f[k] === all[0]![k]))
}

/** The distinct values of a key in run order: "adam vs sgd", "0.01 vs 0.001 vs 0.1". */
export function valuesOf(all: Facts[], key: FactKey): string[] {
  return [...new Set(all.map((f) => f[key] ?? '—'))]
}
