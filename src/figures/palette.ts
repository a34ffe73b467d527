/**
 * The one palette of the app and its exported figures. Colours are Okabe & Ito's colour-blind-safe
 * set (https://jfly.uni-koeln.de/color/), in the book's hue order, so lab 2 still reads like the
 * book's figure (SGD blue, Momentum orange, AdaGrad green, Adam red) while AdaGrad and Adam stay
 * apart under deuteranopia. Every run also has a marker, as the book's plots do (o, x, s, D): see
 * seriesStyle.ts for how lines carry them. The same in charts, tables, progress bars, the CLI's PNGs.
 */
import type { OptimizerName } from '../shared/schemas'
import type { Marker } from './seriesStyle'

/** Okabe–Ito without its yellow (too faint on white): blue, orange, bluish green, vermillion, reddish purple, sky blue, black. */
export const OKABE_ITO = { blue: '#0072b2', orange: '#e69f00', green: '#009e73', vermillion: '#d55e00', purple: '#cc79a7', sky: '#56b4e9', black: '#000000' } as const
export const PALETTE = Object.values(OKABE_ITO)

/** The book's markers first (o, x, s, D), then triangle, star, plus, rounded square. */
export const MARKERS: readonly Marker[] = ['circle', 'crossRot', 'rect', 'rectRot', 'triangle', 'star', 'cross', 'rectRounded']

/** How one run is drawn wherever it appears. */
export interface RunStyle {
  color: string
  marker: Marker
}

const style = (color: string, marker: Marker): RunStyle => ({ color, marker })

export const OPTIMIZER_STYLES: Record<OptimizerName, RunStyle> = {
  sgd: style(OKABE_ITO.blue, 'circle'),
  momentum: style(OKABE_ITO.orange, 'crossRot'),
  adagrad: style(OKABE_ITO.green, 'rect'),
  adam: style(OKABE_ITO.vermillion, 'rectRot'),
  nesterov: style(OKABE_ITO.purple, 'triangle'),
  rmsprop: style(OKABE_ITO.sky, 'star'),
}
export const OPTIMIZER_COLORS = Object.fromEntries(Object.entries(OPTIMIZER_STYLES).map(([k, s]) => [k, s.color])) as Record<OptimizerName, string>

export const OPTIMIZER_LABELS: Record<OptimizerName, string> = {
  sgd: 'SGD',
  momentum: 'Momentum',
  nesterov: 'Nesterov',
  adagrad: 'AdaGrad',
  rmsprop: 'RMSProp',
  adam: 'Adam',
}

/** The n-th generic style: colours and markers both cycle, so two runs differ in at least one up to 56 runs. */
export function ordinalStyle(ordinal: number): RunStyle {
  const i = Math.max(0, Math.floor(ordinal))
  return style(PALETTE[i % PALETTE.length]!, MARKERS[i % MARKERS.length]!)
}

export function optimizerColor(name: string | null | undefined, ordinal = 0): string {
  return ((name && OPTIMIZER_STYLES[name as OptimizerName]) || ordinalStyle(ordinal)).color
}

/** Initial weights in the book's order and markers (weight_init_compare: std=0.01 o, Xavier s, He D). */
export const INIT_STYLES = {
  std: style(OKABE_ITO.blue, 'circle'),
  xavier: style(OKABE_ITO.orange, 'rect'),
  he: style(OKABE_ITO.green, 'rectRot'),
  zero: style(OKABE_ITO.black, 'crossRot'),
  constant: style(OKABE_ITO.purple, 'triangle'),
} as const
export const INIT_COLORS = { std: INIT_STYLES.std.color, xavier: INIT_STYLES.xavier.color, he: INIT_STYLES.he.color, zero: INIT_STYLES.zero.color, constant: INIT_STYLES.constant.color } as const

/** Batch normalization (lab 5): with BN blue and solid, without orange and dashed, as the book draws it. */
export const BN_STYLES = { bn: style(OKABE_ITO.blue, 'circle'), noBn: style(OKABE_ITO.orange, 'crossRot') } as const
export const BN_COLORS = { bn: BN_STYLES.bn.color, noBn: BN_STYLES.noBn.color } as const

/** Overfitting (lab 6): the run without a cure in vermillion, the cured run in blue. */
export const CURE_STYLES = { none: style(OKABE_ITO.vermillion, 'circle'), cured: style(OKABE_ITO.blue, 'rect') } as const

/** What a run has that picks its style (a stored run or the renderer's live view of one). */
export interface ColoredRun {
  meta?: Record<string, unknown> | null
  spec?: { optimizer?: { kind?: string }; network?: { init?: { kind?: string } } } | null
}

/** The style a lab gives one run, or undefined when it has none of its own. */
export function labRunStyle(labId: string, run: ColoredRun): RunStyle | undefined {
  const meta = run.meta ?? {}
  switch (labId) {
    case 'optimizers-mnist':
    case 'paths-2d':
      return OPTIMIZER_STYLES[String(meta.optimizer ?? run.spec?.optimizer?.kind) as OptimizerName]
    case 'init-mnist': {
      const init = meta.init as { kind?: string } | undefined
      return INIT_STYLES[String(init?.kind ?? run.spec?.network?.init?.kind) as keyof typeof INIT_STYLES]
    }
    case 'batchnorm':
      return meta.batchNorm === true ? BN_STYLES.bn : meta.batchNorm === false ? BN_STYLES.noBn : undefined
    case 'overfit':
      return meta.cured === true ? CURE_STYLES.cured : meta.cured === false ? CURE_STYLES.none : undefined
  }
  return undefined
}

/** One style per run: the lab's own while its colour is still free, else the next unused generic style. */
export function runStyles(labId: string, runs: readonly ColoredRun[]): RunStyle[] {
  const used = new Set<string>()
  const own = runs.map((r) => {
    const s = runs.length <= PALETTE.length ? labRunStyle(labId, r) : undefined
    if (s && !used.has(s.color)) return used.add(s.color), s
    return undefined
  })
  let next = 0
  return own.map((s) => {
    if (s) return s
    while (used.has(PALETTE[next % PALETTE.length]!) && used.size < PALETTE.length) next++
    const g = ordinalStyle(next++)
    used.add(g.color)
    return g
  })
}

export function runColors(labId: string, runs: readonly ColoredRun[]): string[] {
  return runStyles(labId, runs).map((s) => s.color)
}

/** An optimizer run labelled with its kind ('sgd') reads as the app shows it ('SGD'). */
export function runLabel(run: { label: string }): string {
  return OPTIMIZER_LABELS[run.label as OptimizerName] ?? run.label
}
