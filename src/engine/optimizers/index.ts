/** Optimizers by name: a table from the schema's kind to a constructor, never an if/else chain. */
import type { OptimizerName, OptimizerSpec } from '../../shared/schemas'
import { AdaGrad } from './adagrad'
import { Adam } from './adam'
import { Momentum } from './momentum'
import { Nesterov } from './nesterov'
import { RMSProp } from './rmsprop'
import { SGD } from './sgd'
import type { Optimizer } from './types'

export type { Optimizer, OptimizerState, Vec } from './types'
export { BaseOptimizer } from './base'
export { AdaGrad, Adam, Momentum, Nesterov, RMSProp, SGD }

type Factory<K extends OptimizerName> = (spec: Extract<OptimizerSpec, { kind: K }>) => Optimizer

const OPTIMIZERS: { [K in OptimizerName]: Factory<K> } = {
  sgd: (s) => new SGD(s.lr),
  momentum: (s) => new Momentum(s.lr, s.momentum),
  nesterov: (s) => new Nesterov(s.lr, s.momentum),
  adagrad: (s) => new AdaGrad(s.lr),
  rmsprop: (s) => new RMSProp(s.lr, s.decayRate),
  adam: (s) => new Adam(s.lr, s.beta1, s.beta2),
}

/** A fresh optimizer (empty state) for the spec; hyperparameters are checked up front. */
export function createOptimizer(spec: OptimizerSpec): Optimizer {
  const make = OPTIMIZERS[spec.kind] as ((s: OptimizerSpec) => Optimizer) | undefined
  if (!make) throw new Error(`unknown optimizer '${(spec as { kind: string }).kind}' (known: ${Object.keys(OPTIMIZERS).join(', ')})`)
  return make(spec)
}
