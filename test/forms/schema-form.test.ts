/**
 * The form helper (useSchemaForm / defineSchemaForm) on the real lab forms: every form starts at
 * its schema's defaults, turns what the user typed back into the same parameters, keys each
 * validation error by the field that shows it, and applies preset keys (a lesson link) through the
 * lab's own parsers, changing nothing when any key or value is refused.
 * Type-checked with the renderer (tsconfig.web.json), whose code it imports.
 */
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { useSchemaForm } from '@renderer/composables/useSchemaForm'
import { numberAttrs } from '@renderer/lib/forms'
import { issueText } from '@renderer/lib/validation'
import { BatchnormParamsSchema, BuilderParamsSchema, InitHistogramsParamsSchema, InitMnistParamsSchema, OptimizersMnistParamsSchema, OverfitParamsSchema, Paths2dParamsSchema, RandomSearchParamsSchema } from '@renderer/lib/contract'
import { findKey, getLab, type LabId } from '../../src/labs/registry'
import { useBatchnormForm } from '../../src/labs/batchnorm/ui/batchnormForm'
import { useBuilderForm } from '../../src/labs/builder/ui/builderForm'
import { useInitHistogramsForm } from '../../src/labs/init-histograms/ui/initHistogramsForm'
import { useInitMnistForm } from '../../src/labs/init-mnist/ui/initMnistForm'
import { useOptimizersMnistForm } from '../../src/labs/optimizers-mnist/ui/optimizersMnistForm'
import { useOverfitForm } from '../../src/labs/overfit/ui/overfitForm'
import { usePaths2dForm } from '../../src/labs/paths-2d/ui/paths2dForm'
import { useRandomSearchForm } from '../../src/labs/random-search/ui/randomSearchForm'

const FORMS = [
  ['paths-2d', usePaths2dForm, Paths2dParamsSchema],
  ['optimizers-mnist', useOptimizersMnistForm, OptimizersMnistParamsSchema],
  ['init-histograms', useInitHistogramsForm, InitHistogramsParamsSchema],
  ['init-mnist', useInitMnistForm, InitMnistParamsSchema],
  ['batchnorm', useBatchnormForm, BatchnormParamsSchema],
  ['overfit', useOverfitForm, OverfitParamsSchema],
  ['random-search', useRandomSearchForm, RandomSearchParamsSchema],
  ['builder', useBuilderForm, BuilderParamsSchema],
] as const

/** Some non-default settings of each lab, set as the CLI sets them. */
const CHANGED: Record<(typeof FORMS)[number][0], [string, string][]> = {
  'paths-2d': [['optimizers', 'sgd,adam'], ['steps', '20']],
  'optimizers-mnist': [['hidden', '50,40'], ['optimizers', 'rmsprop,adam'], ['lr.adam', '0.002'], ['iterations', '700'], ['init', 'std=0.05']],
  'init-histograms': [['samples', '300'], ['layers', '3']],
  'init-mnist': [['hidden', '30'], ['iterations', '900'], ['evalEvery', '300']],
  batchnorm: [['scales', '4'], ['epochs', '3']],
  overfit: [['lambda', '0.2'], ['epochs', '11']],
  'random-search': [['trials', '7'], ['hidden', '30,20'], ['optimizer', 'adam'], ['lr.min', '1e-4'], ['epochs', '4'], ['dataset', '/data/kmnist']],
  builder: [['hidden', '32,16,8'], ['dropout', '0.1'], ['optimizer', 'momentum'], ['lr', '0.05'], ['iterations', '40'], ['trainSize', '500'], ['validationSplit', '0.2'], ['init', 'constant=0.5']],
}

/** The lab's defaults with `sets` applied as the CLI's `--set` applies them (src/cli/args.ts), then `seed`. */
function resolveRunParams(labId: LabId, sets: [string, string][], seed?: number): Record<string, unknown> {
  const lab = getLab(labId)!
  const params = structuredClone(lab.schema.parse({})) as Record<string, unknown>
  for (const [key, value] of sets) findKey(lab.keys, key)!.set(params, value, key)
  if (seed !== undefined) params.seed = seed
  return params
}

beforeEach(() => setActivePinia(createPinia()))

describe.each(FORMS)('the %s form', (id, useForm, schema) => {
  it("starts at the schema's defaults and gives them back as its parameters", () => {
    const form = useForm()
    expect(form.validation.success).toBe(true)
    expect(form.valid).toBe(true)
    expect(form.validation.data).toEqual((schema as z.ZodType).parse({}))
    expect(form.seed).toBe(1)
  })

  it('gives back the parameters it loaded (History\'s "open in the lab"), and Book defaults after reset', () => {
    const changed = (schema as z.ZodType).parse(resolveRunParams(id, CHANGED[id], 9))
    const form = useForm()
    form.load(changed as Record<string, unknown>)
    expect(form.validation.data).toEqual(changed)
    expect(form.validation.data).not.toEqual((schema as z.ZodType).parse({}))
    form.reset()
    expect(form.validation.data).toEqual((schema as z.ZodType).parse(id === 'overfit' ? { seed: 9 } : {})) // lab 6 keeps the seed
  })

  it('applies preset keys as the CLI does (a lesson link), and refuses an unknown key changing nothing', () => {
    const form = useForm()
    expect(form.applyPreset(Object.fromEntries(CHANGED[id]))).toEqual({})
    expect(form.validation.data).toEqual((schema as z.ZodType).parse(resolveRunParams(id, CHANGED[id])))
    const before = structuredClone(form.validation.data)
    const errors = form.applyPreset({ seed: '5', nonsense: '1' })
    expect(Object.keys(errors)).toEqual(['nonsense'])
    expect(errors.nonsense!.message).toMatch(/unknown key 'nonsense'/)
    expect(form.validation.data).toEqual(before)
    expect(form.issues.nonsense).toBeDefined()
  })
})

describe('validation errors name the field that shows them', () => {
  it('lab 2: a number, an optimizer hyperparameter by its name, the accuracy interval beyond the run', () => {
    const form = useOptimizersMnistForm()
    form.iterations = 0
    form.optimizers.adam.values.beta1 = 1
    form.hidden[1]!.width = ''
    expect(Object.keys(form.issues).sort()).toEqual(['hidden.1', 'iterations', 'opt.adam.beta1'])
    expect(form.valid).toBe(false)
    form.iterations = 100
    form.optimizers.adam.values.beta1 = 0.9
    form.hidden[1]!.width = 100
    expect(Object.keys(form.issues)).toEqual(['evalEvery'])
  })

  it('lab 8: a block, the chosen optimizer, the IDX folder, and its own checks beyond the schema', () => {
    const form = useBuilderForm()
    form.hidden[0]!.width = 0
    form.optimizer.hypers.sgd.lr = 0
    form.optimizer.hypers.adam.lr = 0 // not chosen: no issue
    expect(Object.keys(form.issues).sort()).toEqual(['hidden.0.width', 'optimizer.lr'])
    form.hidden[0]!.width = 10
    form.optimizer.hypers.sgd.lr = 0.1
    form.dataset.choice = 'idx'
    expect(Object.keys(form.issues)).toEqual(['dataset.dir'])
    form.dataset.choice = 'builtin'
    form.trainSize = 9000
    expect(form.validation.success).toBe(true)
    expect(form.valid).toBe(false)
    expect(form.issues.trainSize!.message).toBe('the data set has only 8000 training samples')
    form.trainSize = ''
    expect(form.valid).toBe(true)
    expect(form.validation.data!.trainSize).toBeUndefined()
  })

  it('lab 7: each range end, an optimizer hyperparameter the optimizer lacks, the epochs', () => {
    const form = useRandomSearchForm()
    form.ranges[0]!.min = 1
    form.ranges[0]!.max = 0.1
    form.budget.count = 0
    expect(form.issues['ranges.0.max']!.message).toBe('minMax')
    expect(form.issues['budget.count']).toBeDefined()
    form.ranges[0]!.min = 1e-5
    form.ranges[0]!.max = 1e-2
    form.budget.count = 5
    form.setRangeParam(1, 'beta1')
    expect(Object.keys(form.issues)).toEqual(['ranges.1.param'])
    form.optimizer.kind = 'adam'
    expect(form.valid).toBe(true)
    expect(form.validation.data!.optimizer).toEqual({ kind: 'adam', lr: 0.001, beta1: 0.9, beta2: 0.999 })
  })
})

describe('preset keys', () => {
  it("lab 2's lesson link ?iterations=700&optimizers=sgd,adam", () => {
    const form = useOptimizersMnistForm()
    form.seed = 3
    expect(form.applyPreset({ iterations: '700', optimizers: 'sgd,adam' })).toEqual({})
    expect(form.validation.data).toMatchObject({ iterations: 700, seed: 1, optimizers: [{ kind: 'sgd' }, { kind: 'adam' }] })
    expect(form.optimizers.momentum.enabled).toBe(false)
  })

  it('a refused value is an error under its field; nothing changes, and the error goes at the next edit', async () => {
    const form = useOptimizersMnistForm()
    const before = structuredClone(form.validation.data)
    const errors = form.applyPreset({ iterations: 'abc', 'lr.adam': '0.01', 'lr.nesterov': '0.5' })
    expect(Object.keys(errors).sort()).toEqual(['iterations', 'lr.nesterov'])
    expect(errors.iterations!.message).toBe("iterations: 'abc' is not a number")
    expect(issueText(errors.iterations!, (key, named) => `${key} ${JSON.stringify(named)}`)).toBe(
      `presetLink.badValue {"key":"iterations","value":"abc","reason":"'abc' is not a number"}`,
    )
    expect(form.validation.data).toEqual(before)
    expect(form.issues.iterations).toBeDefined()
    form.iterations = 300
    await Promise.resolve()
    expect(form.issues.iterations).toBeUndefined()
  })

  it("a value the schema refuses once set is the schema's error under its field", () => {
    const form = useOptimizersMnistForm()
    const errors = form.applyPreset({ evalEvery: '5000' })
    expect(Object.keys(errors)).toEqual(['evalEvery'])
    expect(form.validation.data!.evalEvery).toBe(500)
  })

  it('lab 8 and lab 7 show a key under the field it sets', () => {
    const builder = useBuilderForm()
    expect(Object.keys(builder.applyPreset({ lambda: '-1', epochs: '0', lr: 'x' })).sort()).toEqual(['budget.count', 'optimizer.lr', 'weightDecay'])
    const search = useRandomSearchForm()
    expect(Object.keys(search.applyPreset({ 'wd.min': '0', trials: '3' }))).toEqual(['ranges'])
    expect(search.validation.data!.trials).toBe(100)
  })
})

describe('the helper itself', () => {
  const schema = z.object({
    n: z.number().int().positive().max(50).default(10),
    rate: z.number().gt(0).lt(1).default(0.5),
    name: z.string().min(1).default('a'),
    size: z.number().int().positive().optional(),
  })

  it('drafts the defaults, leaves an empty optional out, keys issues by path', () => {
    const form = useSchemaForm(schema)
    expect(form.draft).toEqual({ n: 10, rate: 0.5, name: 'a', size: undefined })
    form.draft.n = ''
    form.draft.rate = 1
    expect(Object.keys(form.issues.value).sort()).toEqual(['n', 'rate'])
    form.draft.n = 3
    form.draft.rate = 0.2
    ;(form.draft as { size: number | '' }).size = ''
    expect(form.params.value).toEqual({ n: 3, rate: 0.2, name: 'a' })
    expect(form.valid.value).toBe(true)
  })

  it("takes a number input's bounds and step from the schema", () => {
    expect(numberAttrs(schema, 'n')).toEqual({ min: 1, max: 50, step: 1 })
    expect(numberAttrs(schema, 'rate')).toEqual({ min: 0, max: 1, step: 'any' })
    expect(numberAttrs(BuilderParamsSchema, 'seed')).toEqual({ min: 0, max: 2 ** 31 - 1, step: 1 })
    expect(numberAttrs(schema, 'name')).toEqual({})
  })

  it('moves keyed rows and keeps their keys', () => {
    const form = useBuilderForm()
    form.addBlock()
    form.hidden[2]!.width = 7
    const keys = form.hidden.map((b) => b.key)
    expect(form.moveBlock(2, -1)).toBe(true)
    expect(form.hidden.map((b) => b.key)).toEqual([keys[0], keys[2], keys[1]])
    expect(form.moveBlock(0, -1)).toBe(false)
    expect(form.validation.data!.hidden.map((b) => b.width)).toEqual([100, 7, 100])
  })
})
