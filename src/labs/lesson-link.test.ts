/**
 * Lesson links: the lab keys read and written as `key=value` pairs (one parser with the CLI's
 * --set), and the shape check of a link target (src/labs/link.ts).
 */
import { describe, expect, it } from 'vitest'
import { resolveRunParams } from '../cli/args'
import { applyLinkKeys, showKeys } from './keys'
import { linkHash, parseLinkTarget } from './link'
import { LABS, getLab, type LabId } from './registry'

const lab = (id: LabId) => getLab(id)!
/** Parameters from CLI-style settings, validated by the lab's schema. */
const withSets = (id: LabId, sets: [string, string][]) => lab(id).schema.parse(resolveRunParams(lab(id), {}, sets, undefined))

describe('lesson link keys', () => {
  it("a lab's defaults make an empty link", () => {
    for (const l of LABS) expect(showKeys(l, l.schema.parse({})), l.id).toEqual({ pairs: [], missing: [] })
  })

  const cases: [LabId, [string, string][]][] = [
    ['paths-2d', [['fn', 'rosenbrock'], ['steps', '50'], ['optimizers', 'sgd,adam'], ['lr.adam', '0.2']]],
    ['optimizers-mnist', [['iterations', '700'], ['optimizers', 'sgd,nesterov'], ['momentum.nesterov', '0.8'], ['hidden', '50,50'], ['init', 'std=0.01']]],
    ['init-histograms', [['inits', 'xavier,he'], ['activations', 'tanh'], ['layers', '3']]],
    ['init-mnist', [['inits', 'std=0.01,he'], ['lr', '0.05'], ['activation', 'sigmoid']]],
    ['batchnorm', [['scales', '4'], ['epochs', '3']]],
    ['overfit', [['cure', 'dropout'], ['dropout', '0.15'], ['dropoutMode', 'inverted']]],
    ['random-search', [['trials', '12'], ['lr.min', '1e-5'], ['wd.max', '0.001'], ['sameWeights', 'true'], ['hidden', '50,50']]],
    ['builder', [['hidden', '32,16'], ['activation', 'tanh'], ['batchNorm', 'true'], ['optimizer', 'momentum'], ['momentum.momentum', '0.8'], ['iterations', '300'], ['lambda', '0.001'], ['dataset', 'fashion']]],
  ]
  it.each(cases)('%s: the written link reproduces the settings exactly', (id, sets) => {
    const params = withSets(id, sets)
    const link = showKeys(lab(id), { ...params, seed: 7 })
    expect(link.missing).toEqual([])
    expect(link.pairs.length).toBeGreaterThan(0)
    const read = applyLinkKeys(lab(id), link.pairs)
    expect(read.issues).toEqual([])
    expect(read.params).toEqual(lab(id).schema.parse({ ...params, seed: 7 }))
  })

  it('a link names what it cannot say (blocks with different activations)', () => {
    const p = withSets('builder', [['hidden', '32,16']])
    ;(p.hidden as { activation: string }[])[1]!.activation = "tanh"
    const link = showKeys(lab('builder'), p)
    expect(link.missing).toEqual(['hidden'])
    expect(applyLinkKeys(lab('builder'), link.pairs).params.hidden).toHaveLength(2)
  })

  it('a bad key or value is reported naming the key, and the other settings still apply', () => {
    const { params, issues } = applyLinkKeys(lab('optimizers-mnist'), [
      ['iterations', '700'],
      ['colour', 'blue'],
      ['batchSize', 'zero'],
      ['optimizers', 'sgd,adam'],
      ['evalEvery', '5000'],
      ['lr.rmsprop', '0.1'],
    ])
    expect(params).toMatchObject({ iterations: 700, batchSize: 128, evalEvery: 500 })
    expect((params.optimizers as { kind: string }[]).map((o) => o.kind)).toEqual(['sgd', 'adam'])
    expect(issues.map((i) => i.key)).toEqual(['colour', 'batchSize', 'lr.rmsprop', 'evalEvery'])
    expect(issues[0]!.message).toMatch(/unknown key 'colour'/)
    expect(issues[1]!.message).toMatch(/^batchSize: 'zero' is not a number/)
    expect(issues[2]!.message).toMatch(/not in the race/)
    // refused by the schema, not by the key: evalEvery beyond the run's 700 iterations
    expect(issues[3]!.message).toMatch(/^evalEvery: .*exceeds the run's length \(700 iterations\)/)
  })

  it('the seed is a link key of every lab (the CLI has --seed)', () => {
    for (const l of LABS) expect(applyLinkKeys(l, [['seed', '42']]).params.seed, l.id).toBe(42)
    expect(applyLinkKeys(lab('builder'), [['seed', '-1']]).issues[0]!.message).toMatch(/seed: must be ≥ 0/)
  })

  it("the builder's optimizer hyperparameter keys set its one optimizer (they used to look for a race)", () => {
    expect(withSets('builder', [['optimizer', 'adam'], ['beta1.adam', '0.8']]).optimizer).toMatchObject({ kind: 'adam', beta1: 0.8 })
  })
})

describe('lesson link targets', () => {
  it('reads /labs/<lab>?… and full URLs, keeping the settings and a token apart', () => {
    expect(parseLinkTarget('/labs/optimizers-mnist?iterations=700&optimizers=sgd,adam')).toEqual({ labId: 'optimizers-mnist', query: 'iterations=700&optimizers=sgd%2Cadam' })
    const t = parseLinkTarget('http://192.168.0.5:5177/labs/overfit/?cure=dropout&token=abc')
    expect(t).toEqual({ labId: 'overfit', query: 'cure=dropout', token: 'abc' })
    expect(linkHash(t as never)).toBe('#/labs/overfit?cure=dropout')
  })

  it('is null for what is not a lesson link, and an error naming the problem for a bad one', () => {
    expect(parseLinkTarget('--inspect')).toBeNull()
    expect(parseLinkTarget('.')).toBeNull()
    expect(parseLinkTarget('/labs/nope?x=1')).toEqual({ error: expect.stringMatching(/there is no lab 'nope' \(labs: paths-2d/) })
    expect(parseLinkTarget('/labs/overfit/extra')).toEqual({ error: expect.stringMatching(/not a lab's address/) })
    expect(parseLinkTarget('/labs/%E0%A4%A')).toEqual({ error: expect.stringMatching(/percent-encoding/) })
    expect(parseLinkTarget(`/labs/overfit?x=${'a'.repeat(5000)}`)).toEqual({ error: expect.stringMatching(/at most 4096/) })
  })
})
