/**
 * Weight initialization per Affine layer with fan-in n: a fixed std, Xavier √(1/n)
 * (Glorot & Bengio 2010, the book's form), He √(2/n) (He et al. 2015, arXiv:1502.01852),
 * zero, or a constant. Weights ~ N(0, std²); biases are always 0.
 */
import type { InitSpec } from '../shared/schemas'
import type { Affine } from './layers'
import type { Rng } from './random'

type InitRule = { normalStd: number } | { constant: number }

const RULES: { [K in InitSpec['kind']]: (spec: Extract<InitSpec, { kind: K }>, fanIn: number) => InitRule } = {
  std: (s) => ({ normalStd: s.std }),
  xavier: (_s, n) => ({ normalStd: Math.sqrt(1 / n) }),
  he: (_s, n) => ({ normalStd: Math.sqrt(2 / n) }),
  zero: () => ({ constant: 0 }),
  constant: (s) => ({ constant: s.value }),
}

function ruleFor(init: InitSpec, fanIn: number): InitRule {
  const rule = RULES[init.kind] as ((s: InitSpec, n: number) => InitRule) | undefined
  if (!rule) throw new Error(`unknown init '${(init as { kind: string }).kind}' (known: ${Object.keys(RULES).join(', ')})`)
  if (!(fanIn >= 1)) throw new Error(`init needs a fan-in ≥ 1, got ${fanIn}`)
  return rule(init, fanIn)
}

/** The std of the normal draw for this init and fan-in (null for zero/constant init). */
export function initStd(init: InitSpec, fanIn: number): number | null {
  const r = ruleFor(init, fanIn)
  return 'normalStd' in r ? r.normalStd : null
}

/** Fill a weight array for the given init and fan-in. */
export function initWeights(w: Float32Array | Float64Array, init: InitSpec, fanIn: number, rng: Rng): void {
  const r = ruleFor(init, fanIn)
  if ('normalStd' in r) rng.fillNormal(w, r.normalStd)
  else w.fill(r.constant)
}

/** Initialize an Affine layer: W from the init (fan-in = its input size), b = 0. */
export function initAffine(layer: Affine, init: InitSpec, rng: Rng): void {
  initWeights(layer.W, init, layer.inSize, rng)
  layer.b?.fill(0)
}
