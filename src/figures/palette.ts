/**
 * The one palette of the app and its exported figures: one colour per optimizer in matplotlib's
 * tab10 order, so lab 2 looks like the book's figure (SGD blue, Momentum orange, AdaGrad green,
 * Adam red), the book's colours for inits, batch norm and the overfitting cure; other runs take
 * tab10 in order. The same in charts, tables, progress bars, the CLI's PNGs.
 */
import type { OptimizerName } from '../shared/schemas'

/** matplotlib's tab10. */
export const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'] as const

export const OPTIMIZER_COLORS: Record<OptimizerName, string> = {
  sgd: '#1f77b4',
  momentum: '#ff7f0e',
  adagrad: '#2ca02c',
  adam: '#d62728',
  nesterov: '#9467bd',
  rmsprop: '#8c564b',
}

export const OPTIMIZER_LABELS: Record<OptimizerName, string> = {
  sgd: 'SGD',
  momentum: 'Momentum',
  nesterov: 'Nesterov',
  adagrad: 'AdaGrad',
  rmsprop: 'RMSProp',
  adam: 'Adam',
}

export function optimizerColor(name: string | null | undefined, ordinal = 0): string {
  return (name && OPTIMIZER_COLORS[name as OptimizerName]) || PALETTE[ordinal % PALETTE.length]!
}

/** Initial weights in the book's order and colours (weight_init_compare: std 0.01, Xavier, He). */
export const INIT_COLORS = { std: '#1f77b4', xavier: '#ff7f0e', he: '#2ca02c', zero: '#7f7f7f', constant: '#9467bd' } as const

/** Batch normalization (lab 5): with BN blue and solid, without orange and dashed, as the book draws it. */
export const BN_COLORS = { bn: '#1f77b4', noBn: '#ff7f0e' } as const

/** Overfitting (lab 6): the run without a cure in red, the cured run in blue. */
export const CURE_COLORS = { none: '#d62728', cured: '#1f77b4' } as const

/** What a run has that picks its colour (a stored run or the renderer's live view of one). */
export interface ColoredRun {
  meta?: Record<string, unknown> | null
  spec?: { optimizer?: { kind?: string }; network?: { init?: { kind?: string } } } | null
}

/** The colour a lab gives one run, or undefined when it has no colour of its own. */
export function labRunColor(labId: string, run: ColoredRun): string | undefined {
  const meta = run.meta ?? {}
  switch (labId) {
    case 'optimizers-mnist':
    case 'paths-2d':
      return OPTIMIZER_COLORS[String(meta.optimizer ?? run.spec?.optimizer?.kind) as OptimizerName]
    case 'init-mnist': {
      const init = meta.init as { kind?: string } | undefined
      return INIT_COLORS[String(init?.kind ?? run.spec?.network?.init?.kind) as keyof typeof INIT_COLORS]
    }
    case 'batchnorm':
      return meta.batchNorm === true ? BN_COLORS.bn : meta.batchNorm === false ? BN_COLORS.noBn : undefined
    case 'overfit':
      return meta.cured === true ? CURE_COLORS.cured : meta.cured === false ? CURE_COLORS.none : undefined
  }
  return undefined
}

/** One colour per run: the lab's own when it is still free, else the next unused tab10 colour. */
export function runColors(labId: string, runs: readonly ColoredRun[]): string[] {
  const used = new Set<string>()
  const own = runs.map((r) => {
    const c = runs.length <= PALETTE.length ? labRunColor(labId, r) : undefined
    if (c && !used.has(c)) return used.add(c), c
    return undefined
  })
  let next = 0
  return own.map((c) => {
    if (c) return c
    while (used.has(PALETTE[next % PALETTE.length]!) && used.size < PALETTE.length) next++
    const p = PALETTE[next++ % PALETTE.length]!
    used.add(p)
    return p
  })
}

/** An optimizer run labelled with its kind ('sgd') reads as the app shows it ('SGD'). */
export function runLabel(run: { label: string }): string {
  return OPTIMIZER_LABELS[run.label as OptimizerName] ?? run.label
}
