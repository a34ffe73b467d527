/**
 * What to flag in a layer's activations (lab 3), from the engine's per-layer statistics:
 * - saturated: sigmoid below 0.01 or above 0.99, tanh beyond ±0.99, in more than 30 % of the
 *   values: the derivative is ≈ 0 there (vanishing gradient);
 * - dead: ReLU outputs exactly 0 in more than 60 % of the values (about half is normal for
 *   zero-mean inputs, so the bar is set above that);
 * - narrow: std < 0.05, the units output nearly the same value (limited expressiveness);
 * - identical: std = 0, every unit outputs the same value (zero init: the symmetry never breaks).
 */
import type { Activation } from '../shared/schemas'

export type FlagKind = 'saturated' | 'dead' | 'narrow' | 'identical'

export const FLAG_LIMITS = { saturated: 0.3, dead: 0.6, narrowStd: 0.05 } as const

export interface LayerStats {
  mean: number
  std: number
  saturated: number
  dead: number
  outside: number
}

export interface LayerSummary {
  /** The fraction shown for this activation: saturated (sigmoid, tanh) or dead (ReLU). */
  metric: 'saturated' | 'dead'
  fraction: number
  flags: FlagKind[]
}

export function layerSummary(layer: LayerStats, activation: Activation): LayerSummary {
  const metric = activation === 'relu' ? 'dead' : 'saturated'
  const fraction = metric === 'dead' ? layer.dead : layer.saturated
  const flags: FlagKind[] = []
  if (metric === 'saturated' && fraction > FLAG_LIMITS.saturated) flags.push('saturated')
  if (metric === 'dead' && fraction > FLAG_LIMITS.dead) flags.push('dead')
  if (!(layer.std > 1e-12)) flags.push('identical')
  else if (layer.std < FLAG_LIMITS.narrowStd) flags.push('narrow')
  return { metric, fraction, flags }
}

/** The flag that colours a layer's background (the most serious one). */
export function mainFlag(flags: FlagKind[]): FlagKind | null {
  for (const k of ['identical', 'saturated', 'dead', 'narrow'] as const) if (flags.includes(k)) return k
  return null
}

export const FLAG_COLORS: Record<FlagKind, { bg: string; fg: string }> = {
  saturated: { bg: '#fdeceb', fg: '#b42318' },
  dead: { bg: '#fdeceb', fg: '#b42318' },
  narrow: { bg: '#fff4e0', fg: '#9a5b00' },
  identical: { bg: '#f1ebfd', fg: '#6b3fb8' },
}

/** 0.6412 → "64%", 0.004 → "0.4%". */
export function percent(v: number): string {
  if (!Number.isFinite(v)) return '—'
  const p = v * 100
  return `${p > 0 && p < 1 ? p.toFixed(1) : Math.round(p)}%`
}
