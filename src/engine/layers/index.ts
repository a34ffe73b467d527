import type { Activation } from '../../shared/schemas'
import { Relu, Sigmoid, Tanh } from './activations'
import type { Layer } from './types'

export type { ForwardContext, Layer, Param } from './types'
export { Affine } from './affine'
export { Relu, Sigmoid, Tanh } from './activations'
export { BatchNorm } from './batchnorm'
export { Dropout, type DropoutMode } from './dropout'
export { SoftmaxWithLoss } from './softmax-loss'

const ACTIVATIONS: Record<Activation, () => Layer> = {
  relu: () => new Relu(),
  sigmoid: () => new Sigmoid(),
  tanh: () => new Tanh(),
}

/** A new activation layer by the schema's name. */
export function createActivation(name: Activation): Layer {
  const make = ACTIVATIONS[name]
  if (!make) throw new Error(`unknown activation '${name}' (known: ${Object.keys(ACTIVATIONS).join(', ')})`)
  return make()
}
