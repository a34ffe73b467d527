/** Lab 1, optimizer_compare_naive: optimizer paths on a 2-D function. Instant (no trainer). */
import { z } from 'zod'
import { FUNCTION_2D_IDS, getFunction2D, runPath } from '../../engine'
import { OptimizerSchema, type OptimizerSpec } from '../../shared/schemas'
import { optimizerHyperKeys, optimizersKey, seedField } from '../common'
import { ParamError, intKey, parseList, parseNumber, showPlain } from '../keys'
import { instantLab } from '../define'

/** The book's learning rates on x²/20 + y²; Nesterov and RMSProp are ours (see engine/paths2d tests). */
export const PATH_DEFAULT_OPTIMIZERS: OptimizerSpec[] = [
  { kind: 'sgd', lr: 0.95 },
  { kind: 'momentum', lr: 0.1, momentum: 0.9 },
  { kind: 'nesterov', lr: 0.1, momentum: 0.9 },
  { kind: 'adagrad', lr: 1.5 },
  { kind: 'rmsprop', lr: 0.15, decayRate: 0.99 },
  { kind: 'adam', lr: 0.3, beta1: 0.9, beta2: 0.999 },
]

const point = z.tuple([z.number().finite(), z.number().finite()])

export const Paths2dParamsSchema = z.object({
  fn: z.enum(FUNCTION_2D_IDS).default('lesson'),
  start: point.default([-7, 2]),
  steps: z.number().int().min(1).max(10_000).default(30),
  optimizers: z
    .array(OptimizerSchema)
    .min(1, 'choose at least one optimizer')
    .refine((l) => new Set(l.map((o) => o.kind)).size === l.length, 'each optimizer may appear once')
    .default(() => PATH_DEFAULT_OPTIMIZERS.map((o) => ({ ...o }))),
  seed: seedField,
})
export type Paths2dParams = z.infer<typeof Paths2dParamsSchema>

export function computePaths(p: Paths2dParams) {
  const fn = getFunction2D(p.fn)
  return {
    fn: p.fn,
    formula: fn.formula,
    start: p.start,
    steps: p.steps,
    paths: p.optimizers.map((optimizer) => {
      const { kind, ...hyperparameters } = optimizer
      const path = runPath(fn, optimizer, p.start, p.steps)
      return { optimizer: kind, hyperparameters, points: path.points, values: path.values, steps: path.steps, diverged: path.diverged }
    }),
  }
}
export type Paths2dResult = ReturnType<typeof computePaths>

export const paths2dLab = instantLab('paths-2d', 'parameterUpdate', Paths2dParamsSchema, {
  book: 'Lab 1: optimizer paths on f = x²/20 + y² from (−7, 2), 30 steps',
  keys: [
    {
      key: 'fn',
      help: `the function (${FUNCTION_2D_IDS.join(' | ')})`,
      show: showPlain('fn'),
      set: (p, v) => {
        if (!(FUNCTION_2D_IDS as readonly string[]).includes(v)) throw new ParamError('fn', `'${v}' is not one of ${FUNCTION_2D_IDS.join(', ')}`)
        p.fn = v
        if (v !== 'lesson' && JSON.stringify(p.start) === JSON.stringify([-7, 2])) p.start = [...getFunction2D(v as 'lesson').start]
      },
    },
    {
      key: 'start',
      help: 'start point x,y (book: -7,2)',
      show: showPlain('start'),
      set: (p, v) => {
        const xy = parseList('start', v).map((s) => parseNumber('start', s))
        if (xy.length !== 2) throw new ParamError('start', `expects two numbers x,y (got '${v}')`)
        p.start = xy
      },
    },
    intKey('steps', 'optimizer steps (book: 30)'),
    { ...optimizersKey, help: optimizersKey.help + '; default lr as the book: sgd 0.95, momentum 0.1, adagrad 1.5, adam 0.3' },
    ...optimizerHyperKeys,
  ],
  defaultName: (p) => `Paths on ${getFunction2D(p.fn).label}: ${p.optimizers.map((o) => o.kind).join(', ')}`,
  compute: computePaths,
})
