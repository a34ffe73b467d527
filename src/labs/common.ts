/** Parameter pieces shared by several labs. */
import { z } from 'zod'
import { ActivationSchema, InitSchema, OPTIMIZER_NAMES, OptimizerSchema, type OptimizerName, type OptimizerSpec } from '../shared/schemas'
import { ParamError, parseList, parseNumber } from './keys'
import type { CliKey } from './types'

export const seedField = z.number().int('seed must be a whole number').min(0).max(2 ** 31 - 1).default(1)
export const widthsField = (def: number[]) =>
  z.array(z.number().int('width must be a whole number').positive('width must be > 0').max(4096)).min(1).max(32).default(def)

export { ActivationSchema, InitSchema }

/**
 * The accuracy interval must fit in the run: an `evalEvery` beyond the run's iterations would
 * measure accuracy only at the start and the end, silently. Adds an issue on `evalEvery` naming
 * both numbers; `params.i18n` lets the app word it in the user's language.
 */
export function checkEvalEvery(evalEvery: number | undefined, iterations: number | null, ctx: z.RefinementCtx): void {
  if (evalEvery === undefined || iterations === null || !Number.isFinite(iterations) || evalEvery <= iterations) return
  ctx.addIssue({
    code: 'custom',
    path: ['evalEvery'],
    message: `evalEvery (${evalEvery}) exceeds the run's length (${iterations} iterations): accuracy would be measured only at the start and the end; use at most ${iterations}`,
    params: { i18n: 'validation.evalEveryBeyond', values: { every: evalEvery, iterations } },
  })
}

/** Defaults of the lesson: SGD/Momentum/Nesterov/AdaGrad/RMSProp η 0.01, Adam η 0.001. */
export function defaultOptimizer(kind: OptimizerName): OptimizerSpec {
  return OptimizerSchema.parse({ kind })
}

/** `optimizers=sgd,adam` keeps the hyperparameters already set for those kept. */
export const optimizersKey: CliKey = {
  key: 'optimizers',
  help: `optimizers to race, comma-separated (${OPTIMIZER_NAMES.join(', ')})`,
  show: (p) => [['optimizers', ((p.optimizers as OptimizerSpec[] | undefined) ?? []).map((o) => o.kind).join(',')]],
  set: (p, v) => {
    const current = (p.optimizers as OptimizerSpec[] | undefined) ?? []
    p.optimizers = parseList('optimizers', v).map((name) => {
      if (!(OPTIMIZER_NAMES as readonly string[]).includes(name)) {
        throw new ParamError('optimizers', `unknown optimizer '${name}' (known: ${OPTIMIZER_NAMES.join(', ')})`)
      }
      return current.find((o) => o.kind === name) ?? defaultOptimizer(name as OptimizerName)
    })
  },
}

/** The optimizers whose hyperparameters `lr.adam=…` sets: a race's list, or a network's one optimizer. */
const raced = (p: Record<string, unknown>): OptimizerSpec[] => (p.optimizers as OptimizerSpec[] | undefined) ?? (p.optimizer ? [p.optimizer as OptimizerSpec] : [])

/** `lr.adam=0.01`, `momentum.momentum=0.8`, `adam.beta1=0.8`: one hyperparameter of one optimizer. */
function hyperKey(prefix: string, field: string, help: string): CliKey {
  return {
    key: `${prefix}.*`,
    help,
    show: (p) => raced(p).flatMap((o): [string, string][] => (field in o ? [[`${prefix}.${o.kind}`, String((o as Record<string, unknown>)[field])]] : [])),
    set: (p, v, key) => {
      const name = key.slice(prefix.length + 1)
      const list = raced(p)
      const opt = list.find((o) => o.kind === name)
      if (!opt) throw new ParamError(key, `optimizer '${name}' is not in the race (optimizers=${list.map((o) => o.kind).join(',')})`)
      if (!(field in opt)) throw new ParamError(key, `optimizer '${name}' has no ${field}`)
      ;(opt as Record<string, unknown>)[field] = parseNumber(key, v, { positive: true })
    },
  }
}

export const optimizerHyperKeys: CliKey[] = [
  hyperKey('lr', 'lr', 'learning rate η of one optimizer, e.g. lr.adam=0.01'),
  hyperKey('momentum', 'momentum', 'α of momentum or nesterov, e.g. momentum.nesterov=0.8'),
  hyperKey('decay', 'decayRate', 'γ of rmsprop, e.g. decay.rmsprop=0.9'),
  hyperKey('beta1', 'beta1', 'β1 of adam, e.g. beta1.adam=0.8'),
  hyperKey('beta2', 'beta2', 'β2 of adam, e.g. beta2.adam=0.99'),
]

export const initKey: CliKey = {
  key: 'init',
  help: "weight init: he | xavier | zero | std=<number> | constant=<number>",
  show: (p) => (p.init ? [['init', initText(p.init as z.infer<typeof InitSchema>)]] : []),
  set: (p, v) => {
    p.init = parseInit('init', v)
  },
}

/** An init as `init=` takes it back: he, xavier, zero, std=0.01, constant=0.5. */
function initText(init: z.infer<typeof InitSchema>): string {
  return init.kind === 'std' ? `std=${init.std}` : init.kind === 'constant' ? `constant=${init.value}` : init.kind
}

function parseInit(key: string, v: string) {
  if (v === 'he' || v === 'xavier' || v === 'zero') return { kind: v }
  const m = /^(std|constant)=(.+)$/.exec(v)
  if (m) {
    const n = parseNumber(key, m[2]!, m[1] === 'std' ? { min: 0 } : {})
    return m[1] === 'std' ? { kind: 'std', std: n } : { kind: 'constant', value: n }
  }
  const asNumber = Number(v)
  if (v.trim() !== '' && Number.isFinite(asNumber) && asNumber >= 0) return { kind: 'std', std: asNumber }
  throw new ParamError(key, `'${v}' is not an init (he, xavier, zero, std=0.01, constant=0.5)`)
}

/** A hidden stack of equal blocks from widths (the book's hidden_size_list). */
export function blocks(widths: number[], activation: 'relu' | 'sigmoid' | 'tanh', extra: { batchNorm?: boolean; dropout?: number } = {}) {
  return widths.map((width) => ({ width, batchNorm: extra.batchNorm ?? false, activation, dropout: extra.dropout ?? 0 }))
}

/** `inits=std=0.01,xavier,he`: a list of inits (std=/constant= entries may not contain commas). */
export const initsKey = (key = 'inits'): CliKey => ({
  key,
  help: 'weight inits, comma-separated: he, xavier, zero, std=<number>, constant=<number>',
  // `init=` is another name of `inits=`: only `inits` writes it back
  show: (p) => (key === 'inits' && Array.isArray(p.inits) ? [['inits', (p.inits as z.infer<typeof InitSchema>[]).map(initText).join(',')]] : []),
  set: (p, v) => {
    p.inits = parseList(key, v).map((item) => parseInit(key, item))
  },
})

/** A readable name of an init: "std=0.01", "Xavier", "He". */
export function initLabel(init: z.infer<typeof InitSchema>): string {
  switch (init.kind) {
    case 'std':
      return `std=${init.std}`
    case 'constant':
      return `constant=${init.value}`
    case 'xavier':
      return 'Xavier'
    case 'he':
      return 'He'
    case 'zero':
      return 'zero'
  }
}

/** The book's np.logspace(0, −4, 16): weight scales of the batch-norm lab. */
export function logspace(from: number, to: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => 10 ** (n === 1 ? from : from + ((to - from) * i) / (n - 1)))
}

/** n indices taken evenly from 0..total−1 (both ends included). */
export function evenIndices(total: number, n: number): number[] {
  if (n >= total) return Array.from({ length: total }, (_, i) => i)
  if (n === 1) return [0]
  return [...new Set(Array.from({ length: n }, (_, i) => Math.round((i * (total - 1)) / (n - 1))))]
}
