/**
 * One colour per optimizer, the same everywhere in the app (charts, tables, progress bars).
 * matplotlib's tab10 order, so lab 2 looks like the book's figure (SGD blue, Momentum orange,
 * AdaGrad green, Adam red).
 */
import type { OptimizerName } from './contract'

export const OPTIMIZER_COLORS: Record<OptimizerName, string> = {
  sgd: '#1f77b4',
  momentum: '#ff7f0e',
  adagrad: '#2ca02c',
  adam: '#d62728',
  nesterov: '#9467bd',
  rmsprop: '#8c564b',
}

const FALLBACK = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf']

export function optimizerColor(name: string | null | undefined, ordinal = 0): string {
  return (name && OPTIMIZER_COLORS[name as OptimizerName]) || FALLBACK[ordinal % FALLBACK.length]!
}

/** Initial weights in the book's order and colours (weight_init_compare: std 0.01, Xavier, He). */
export const INIT_COLORS = { std: '#1f77b4', xavier: '#ff7f0e', he: '#2ca02c', zero: '#7f7f7f', constant: '#9467bd' } as const

/** Batch normalization (lab 5): with BN blue and solid, without orange and dashed, as the book draws it. */
export const BN_COLORS = { bn: '#1f77b4', noBn: '#ff7f0e' } as const

/** Overfitting (lab 6): the run without a cure in red, the cured run in blue. */
export const CURE_COLORS = { none: '#d62728', cured: '#1f77b4' } as const
