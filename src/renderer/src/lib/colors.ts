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
