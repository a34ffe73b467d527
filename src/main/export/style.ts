/**
 * Colours and legend names of the exported figures, the same as the app's (renderer/lib/colors.ts):
 * one colour per optimizer in matplotlib's tab10 order, the book's colours for inits, batch norm
 * and the overfitting cure; other runs take tab10 in order.
 */
import type { RunWithSeries } from '../../shared/records'

export const OPTIMIZER_COLORS: Record<string, string> = {
  sgd: '#1f77b4',
  momentum: '#ff7f0e',
  nesterov: '#9467bd',
  adagrad: '#2ca02c',
  rmsprop: '#8c564b',
  adam: '#d62728',
}
export const OPTIMIZER_LABELS: Record<string, string> = {
  sgd: 'SGD',
  momentum: 'Momentum',
  nesterov: 'Nesterov',
  adagrad: 'AdaGrad',
  rmsprop: 'RMSProp',
  adam: 'Adam',
}
export const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf']
export const INIT_COLORS: Record<string, string> = { std: '#1f77b4', xavier: '#ff7f0e', he: '#2ca02c', zero: '#7f7f7f', constant: '#9467bd' }
export const BN_COLORS = { bn: '#1f77b4', noBn: '#ff7f0e' }
export const CURE_COLORS = { none: '#d62728', cured: '#1f77b4' }

const meta = (run: RunWithSeries, key: string): unknown => (run.meta ?? {})[key]

/** The colour a lab gives one run, or undefined when it has no colour of its own. */
function preferred(labId: string, run: RunWithSeries): string | undefined {
  switch (labId) {
    case 'optimizers-mnist':
    case 'paths-2d':
      return OPTIMIZER_COLORS[String(meta(run, 'optimizer') ?? run.spec?.optimizer?.kind)]
    case 'init-mnist': {
      const init = meta(run, 'init') as { kind?: string } | undefined
      return INIT_COLORS[String(init?.kind ?? run.spec?.network?.init?.kind)]
    }
    case 'batchnorm':
      return meta(run, 'batchNorm') === true ? BN_COLORS.bn : meta(run, 'batchNorm') === false ? BN_COLORS.noBn : undefined
    case 'overfit':
      return meta(run, 'cured') === true ? CURE_COLORS.cured : meta(run, 'cured') === false ? CURE_COLORS.none : undefined
  }
  return undefined
}

/** One colour per run: the lab's own when it is still free, else the next unused tab10 colour. */
export function runColors(labId: string, runs: RunWithSeries[]): string[] {
  const used = new Set<string>()
  const own = runs.map((r) => {
    const c = runs.length <= PALETTE.length ? preferred(labId, r) : undefined
    if (c && !used.has(c)) return used.add(c), c
    return undefined
  })
  let next = 0
  return own.map((c) => {
    if (c) return c
    while (used.has(PALETTE[next % PALETTE.length]) && used.size < PALETTE.length) next++
    const p = PALETTE[next++ % PALETTE.length]
    used.add(p)
    return p
  })
}

/** An optimizer run labelled with its kind ('sgd') reads as the app shows it ('SGD'). */
export function runLabel(run: { label: string }): string {
  return OPTIMIZER_LABELS[run.label] ?? run.label
}

export const optimizerColor = (kind: string, i: number) => OPTIMIZER_COLORS[kind] ?? PALETTE[i % PALETTE.length]
