/** Which warnings a layer's snapshot earns: dead ReLUs, saturated sigmoid/tanh, activations collapsed towards 0. */
import type { LayerSnapshot } from '../../lib/contract'

export type LayerFlag = 'dead' | 'saturated' | 'collapsed'

export const DEAD_FLAG = 0.5
export const SATURATED_FLAG = 0.5
export const COLLAPSED_STD = 0.01

export function layerFlags(l: LayerSnapshot): LayerFlag[] {
  const flags: LayerFlag[] = []
  if (l.dead !== undefined && l.dead > DEAD_FLAG) flags.push('dead')
  if (l.saturated !== undefined && l.saturated > SATURATED_FLAG) flags.push('saturated')
  if (l.kind !== 'softmax' && l.std < COLLAPSED_STD) flags.push('collapsed')
  return flags
}
