/** Lab 3, weight_init_activation_histogram: every init × activation, a histogram per layer. Instant. */
import { z } from 'zod'
import { activationHistograms } from '../../engine'
import { ActivationSchema, InitSchema } from '../../shared/schemas'
import { initLabel, initsKey, seedField } from '../common'
import { ParamError, intKey, parseList, showPlain } from '../keys'
import { instantLab } from '../define'
import type { CliKey } from '../types'

const activationsKey = (key: string): CliKey => ({
  key,
  help: `activations, comma-separated (${ActivationSchema.options.join(', ')})`,
  // `activation=` is another name of `activations=`: only `activations` writes it back
  show: key === 'activations' ? showPlain('activations') : undefined,
  set: (p, v) => {
    p.activations = parseList(key, v).map((a) => {
      if (!(ActivationSchema.options as readonly string[]).includes(a)) throw new ParamError(key, `'${a}' is not one of ${ActivationSchema.options.join(', ')}`)
      return a
    })
  },
})

export const InitHistogramsParamsSchema = z.object({
  inits: z
    .array(InitSchema)
    .min(1, 'choose at least one init')
    .max(12, 'at most 12 inits')
    .default([{ kind: 'std', std: 1 }, { kind: 'std', std: 0.01 }, { kind: 'xavier' }, { kind: 'he' }, { kind: 'zero' }]),
  activations: z.array(ActivationSchema).min(1, 'choose at least one activation').max(3, 'at most 3 activations').default(['sigmoid', 'relu', 'tanh']),
  layers: z.number().int().min(1).max(20).default(5),
  units: z.number().int().min(1).max(1000).default(100),
  samples: z.number().int().min(1).max(10_000).default(1000),
  bins: z.number().int().min(2).max(200).default(30),
  seed: seedField,
})
export type InitHistogramsParams = z.infer<typeof InitHistogramsParamsSchema>

export function computeHistograms(p: InitHistogramsParams) {
  return {
    cells: p.inits.flatMap((init) =>
      p.activations.map((activation) => ({
        init,
        initLabel: initLabel(init),
        activation,
        layers: activationHistograms({ init, activation, seed: p.seed, layers: p.layers, units: p.units, samples: p.samples, bins: p.bins }),
      })),
    ),
  }
}
export type InitHistogramsResult = ReturnType<typeof computeHistograms>

export const initHistogramsLab = instantLab('init-histograms', 'initialWeights', InitHistogramsParamsSchema, {
  book: 'Lab 3: activation histograms for every init × activation',
  keys: [
    initsKey('inits'),
    initsKey('init'),
    activationsKey('activations'),
    activationsKey('activation'),
    intKey('layers', 'hidden layers (book: 5)'),
    intKey('units', 'units per layer (book: 100)'),
    intKey('samples', 'input samples ~ N(0,1) (book: 1000)'),
    intKey('bins', 'histogram bins (book: 30)'),
  ],
  defaultName: (p) => `Activation histograms: ${p.inits.map(initLabel).join(', ')} × ${p.activations.join(', ')}`,
  compute: computeHistograms,
})
