/** renderExperimentPng on fixture experiments of every lab: valid, opaque, not blank, the right colours, metadata. */
import { describe, expect, it } from 'vitest'
import { renderExperimentPng } from '../../src/main/export/chart'
import { formatTick, niceTicks, snapUp } from '../../src/main/export/plot'
import type { ExperimentDetail } from '../../src/shared/records'
import { countColor, decodePng, type DecodedPng } from './decode'
import { accuracySynth, instantDetail, lossSynth, trainedDetail } from './fixtures'

const OPT = { sgd: '#1f77b4', momentum: '#ff7f0e', nesterov: '#9467bd', adagrad: '#2ca02c', adam: '#d62728' }
const lab2 = () => trainedDetail('optimizers-mnist', lossSynth([0.8, 1.5, 2.5, 2], [0.15, 0.003, 0.002, 0.001]), { id: 12 })

function render(detail: ExperimentDetail, opts?: Parameters<typeof renderExperimentPng>[1]): DecodedPng {
  return decodePng(renderExperimentPng(detail, opts))
}

function distinctColors(png: DecodedPng): number {
  const set = new Set<number>()
  for (let i = 0; i < png.rgba.length; i += 4) set.add((png.rgba[i] << 16) | (png.rgba[i + 1] << 8) | png.rgba[i + 2])
  return set.size
}

/** Opaque everywhere, mostly white, and with at least `colors` distinct colours (lines are anti-aliased; bars are not). */
function expectOpaqueAndDrawn(png: DecodedPng, colors = 20) {
  for (let i = 3; i < png.rgba.length; i += 4) if (png.rgba[i] !== 255) throw new Error(`pixel ${i >> 2} is not opaque`)
  expect(countColor(png, '#ffffff', 0)).toBeGreaterThan(png.width * png.height * 0.5) // white background
  expect(distinctColors(png)).toBeGreaterThan(colors) // not blank
}

describe('renderExperimentPng', () => {
  it('lab 2: the loss curves in the optimizer colours, default 1200×760, with the metadata', () => {
    const detail = lab2()
    const png = render(detail)
    expect([png.width, png.height]).toEqual([1200, 760])
    expect(png.chunks[0]).toBe('IHDR')
    expect(png.chunks.at(-1)).toBe('IEND')
    expectOpaqueAndDrawn(png)
    for (const k of ['sgd', 'momentum', 'adagrad', 'adam'] as const) expect(countColor(png, OPT[k], 2), k).toBeGreaterThan(300)
    expect(countColor(png, OPT.nesterov, 2)).toBe(0) // not in this experiment
    expect(png.text.Title).toBe(detail.experiment.name)
    expect(png.text.Software).toBe('Gradient Lab')
    expect(png.text.Source).toMatch(/experiment 12 \(lab optimizers-mnist\)/)
    const comment = JSON.parse(png.text.Comment)
    expect(comment).toMatchObject({ experimentId: 12, labId: 'optimizers-mnist', seed: 1, runIds: [100, 101, 102, 103] })
    expect(comment.params).toEqual(JSON.parse(JSON.stringify(detail.experiment.params)))
  })

  it('is deterministic, honours the size, and smoothing changes the picture', () => {
    const detail = lab2()
    expect(renderExperimentPng(detail).equals(renderExperimentPng(detail))).toBe(true)
    const small = render(detail, { width: 640, height: 400 })
    expect([small.width, small.height]).toEqual([640, 400])
    expectOpaqueAndDrawn(small)
    expect(renderExperimentPng(detail, { smooth: false }).equals(renderExperimentPng(detail))).toBe(false)
    expectOpaqueAndDrawn(render(detail, { kind: 'accuracy' }))
  })

  it('a Korean name goes into iTXt and is boxed, not dropped, in the picture', () => {
    const detail = lab2()
    detail.experiment.name = '옵티마이저 비교'
    const png = render(detail)
    expect(png.text.Title).toBe('옵티마이저 비교')
    expect(png.textChunkType.Title).toBe('iTXt')
    expect(JSON.parse(png.text.Comment).name).toBe('옵티마이저 비교')
  })

  it('lab 4 uses the init colours; lab 6 the cure colours', () => {
    const init = render(trainedDetail('init-mnist', lossSynth([0.05, 1, 1.3], [2.3, 0.05, 0.03])))
    for (const c of ['#1f77b4', '#ff7f0e', '#2ca02c']) expect(countColor(init, c, 2)).toBeGreaterThan(300)
    const overfit = render(trainedDetail('overfit', accuracySynth(['trainAcc', 'testAcc'], 3)))
    expectOpaqueAndDrawn(overfit)
    expect(countColor(overfit, '#d62728', 2)).toBeGreaterThan(300)
    expect(countColor(overfit, '#1f77b4', 2)).toBeGreaterThan(300)
  })

  it('32 batch-norm runs become the book grid; 100 search trials stay readable', () => {
    const bn = render(trainedDetail('batchnorm', accuracySynth(['trainAcc'], 10)))
    expectOpaqueAndDrawn(bn)
    expect(countColor(bn, '#1f77b4', 2)).toBeGreaterThan(1000)
    expect(countColor(bn, '#ff7f0e', 2)).toBeGreaterThan(500)
    const search = render(trainedDetail('random-search', accuracySynth(['valAcc', 'trainAcc'], 4)))
    expectOpaqueAndDrawn(search)
    expect(JSON.parse(search.text.Comment).runIds).toHaveLength(100)
    expect(countColor(search, '#d62728', 2)).toBeGreaterThan(100) // the 4th best in colour
    expect(countColor(search, '#17becf', 2)).toBeGreaterThan(100) // the 10th best
  })

  it('survives diverged (NaN), empty and one-point series, and experiments with nothing to plot', () => {
    const detail = lab2()
    const loss = detail.runs[0].series.find((s) => s.series === 'loss')!
    loss.values = loss.values.map((v, i) => (i > 300 ? NaN : i > 250 ? 1e30 : v))
    detail.runs[1].series = []
    detail.runs[2].series = [{ series: 'loss', steps: [0], values: [2.3] }]
    detail.runs[3].status = 'failed'
    expectOpaqueAndDrawn(render(detail))
    const none: ExperimentDetail = { experiment: { ...detail.experiment, result: null }, runs: [] }
    expect(render(none).width).toBe(1200)
    const noPoints = lab2()
    for (const r of noPoints.runs) r.series = []
    expect(render(noPoints).height).toBe(760)
  })
})

describe('instant labs', () => {
  it('lab 1 draws every path in its optimizer colour', () => {
    const png = render(instantDetail('paths-2d'))
    expectOpaqueAndDrawn(png)
    for (const k of ['sgd', 'momentum', 'nesterov', 'adam'] as const) expect(countColor(png, OPT[k], 2), k).toBeGreaterThan(100)
    expect(JSON.parse(png.text.Comment)).toMatchObject({ labId: 'paths-2d', runIds: [] })
  })

  it('lab 1 on another function, and with a diverging optimizer', () => {
    expectOpaqueAndDrawn(render(instantDetail('paths-2d', { fn: 'rosenbrock' })))
    expectOpaqueAndDrawn(render(instantDetail('paths-2d', { optimizers: [{ kind: 'sgd', lr: 1.2 }, { kind: 'adam', lr: 0.3 }] })))
  })

  it('lab 3 draws a row of histograms per init × activation, the figure as tall as it needs', () => {
    const png = render(instantDetail('init-histograms', { samples: 200 }))
    expectOpaqueAndDrawn(png, 4)
    expect(png.height).toBeGreaterThan(15 * 90)
    expect(countColor(png, '#1f77b4', 2)).toBeGreaterThan(5000)
    const fixed = render(instantDetail('init-histograms', { inits: [{ kind: 'he' }], activations: ['relu'] }), { height: 300 })
    expect(fixed.height).toBe(300)
    expectOpaqueAndDrawn(fixed, 4)
  })
})

describe('ticks', () => {
  it('are nice and labelled like the app', () => {
    expect(niceTicks(0, 2000, 8)).toEqual([0, 250, 500, 750, 1000, 1250, 1500, 1750, 2000])
    expect(niceTicks(0, 1, 6)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1])
    expect(niceTicks(0, 201, 8)).toEqual([0, 50, 100, 150, 200])
    const t = niceTicks(0, 2000, 8)
    expect(t.map((v) => formatTick(v, t)).slice(3, 5)).toEqual(['750', '1,000'])
    expect(formatTick(0.5, [0, 0.5, 1])).toBe('0.5')
    expect(formatTick(0.25, [0, 0.25, 0.5])).toBe('0.25')
    expect([snapUp(1999), snapUp(201), snapUp(1990.5, 4)]).toEqual([2000, 201, 2000])
  })
})
