/**
 * The CLI's PNG of fixture experiments of every lab, drawn by the figures on a Skia canvas:
 * valid, opaque, not blank, the right colours, lab 1's contours, lab 6's gap, the metadata.
 */
import { describe, expect, it } from 'vitest'
import { renderExperimentPng } from '../../src/main/export/chart'
import { countLabel, niceTicks, tickLabel, tickStep } from '../../src/figures/ticks'
import type { ExperimentDetail } from '../../src/shared/records'
import { BN_COLORS, CURE_STYLES, INIT_COLORS, OPTIMIZER_COLORS, ordinalStyle } from '../../src/figures/palette'
import { countColor, decodePng, type DecodedPng } from './decode'
import { accuracySynth, instantDetail, lossSynth, trainedDetail } from './fixtures'

const OPT = OPTIMIZER_COLORS
const { std, xavier, he } = INIT_COLORS
const lab2 = () => trainedDetail('optimizers-mnist', lossSynth([0.8, 1.5, 2.5, 2], [0.15, 0.003, 0.002, 0.001]), { id: 12 })

function render(detail: ExperimentDetail, opts?: Parameters<typeof renderExperimentPng>[1]): DecodedPng {
  return decodePng(renderExperimentPng(detail, opts))
}

/** The rows [y0, y1) of a decoded image. */
function crop(png: DecodedPng, y0: number, y1: number): DecodedPng {
  return { ...png, height: y1 - y0, rgba: png.rgba.subarray(y0 * png.width * 4, y1 * png.width * 4) }
}

/** Pixels darker than mid-grey in the rows [y0, y1). */
function darkPixels(png: DecodedPng, y0: number, y1: number): number {
  const c = crop(png, y0, y1)
  let n = 0
  for (let i = 0; i < c.rgba.length; i += 4) if (c.rgba[i] + c.rgba[i + 1] + c.rgba[i + 2] < 3 * 128) n++
  return n
}

/** Pixels with a clear hue (not white, grey or black): the viridis cells and marks. */
function colouredPixels(png: DecodedPng): number {
  let n = 0
  for (let i = 0; i < png.rgba.length; i += 4) if (Math.max(png.rgba[i], png.rgba[i + 1], png.rgba[i + 2]) - Math.min(png.rgba[i], png.rgba[i + 1], png.rgba[i + 2]) > 40) n++
  return n
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

  it('a Korean name goes into iTXt and is drawn: the title differs from the same title in a glyph the font lacks', () => {
    const detail = lab2()
    detail.experiment.name = '옵티마이저 비교'
    const png = render(detail)
    expect(png.text.Title).toBe('옵티마이저 비교')
    expect(png.textChunkType.Title).toBe('iTXt')
    expect(JSON.parse(png.text.Comment).name).toBe('옵티마이저 비교')
    const missing = lab2()
    missing.experiment.name = '\u0e01'.repeat(5) + ' ' + '\u0e01'.repeat(2) // Thai: not in Pretendard
    const ink = (p: DecodedPng) => darkPixels(p, 0, 36)
    expect(ink(png)).toBeGreaterThan(400)
    expect(Math.abs(ink(png) - ink(render(missing)))).toBeGreaterThan(150)
  })

  it('lab 4 uses the init colours; lab 6 the cure colours, with the train − test gap in the lower part', () => {
    const init = render(trainedDetail('init-mnist', lossSynth([0.05, 1, 1.3], [2.3, 0.05, 0.03])))
    for (const c of [std, xavier, he]) expect(countColor(init, c, 2)).toBeGreaterThan(300)
    const overfit = render(trainedDetail('overfit', accuracySynth(['trainAcc', 'testAcc'], 3)))
    expectOpaqueAndDrawn(overfit)
    expect(countColor(overfit, CURE_STYLES.none.color, 2)).toBeGreaterThan(300)
    expect(countColor(overfit, CURE_STYLES.cured.color, 2)).toBeGreaterThan(300)
    // the gap chart: both cure colours below 60 % of the height
    const lower = crop(overfit, Math.round(overfit.height * 0.62), overfit.height)
    expect(countColor(lower, CURE_STYLES.none.color, 2)).toBeGreaterThan(200)
    expect(countColor(lower, CURE_STYLES.cured.color, 2)).toBeGreaterThan(200)
  })

  it('32 batch-norm runs become the book grid; 100 search trials: the heatmap with its cells and readable curves', () => {
    const bn = render(trainedDetail('batchnorm', accuracySynth(['trainAcc'], 10)))
    expectOpaqueAndDrawn(bn)
    expect(countColor(bn, BN_COLORS.bn, 2)).toBeGreaterThan(1000)
    expect(countColor(bn, BN_COLORS.noBn, 2)).toBeGreaterThan(500)
    const search = render(trainedDetail('random-search', accuracySynth(['valAcc', 'trainAcc'], 4)))
    expectOpaqueAndDrawn(search)
    expect(JSON.parse(search.text.Comment).runIds).toHaveLength(100)
    expect(countColor(search, ordinalStyle(3).color, 2)).toBeGreaterThan(100) // the 4th best in colour
    expect(countColor(search, ordinalStyle(6).color, 2)).toBeGreaterThan(100) // the 7th best (black)
    // the app's heatmap above: trials in viridis and the colour bar (its ends are viridis 0 and 1)
    const heat = crop(search, 0, Math.round(search.height * 0.55))
    expect(countColor(heat, '#fde725', 10)).toBeGreaterThan(100)
    expect(countColor(heat, '#440154', 10)).toBeGreaterThan(100)
    expect(countColor(crop(search, Math.round(search.height * 0.6), search.height), '#fde725', 10)).toBe(0)
    // the binned cells under the trials, as the app draws them by default: most of the plane is coloured
    expect(colouredPixels(heat)).toBeGreaterThan(0.35 * heat.width * heat.height)
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
  it('lab 1 draws the contours and every path in its optimizer colour', () => {
    const png = render(instantDetail('paths-2d'))
    expectOpaqueAndDrawn(png)
    for (const k of ['sgd', 'momentum', 'nesterov', 'adam'] as const) expect(countColor(png, OPT[k], 2), k).toBeGreaterThan(100)
    expect(JSON.parse(png.text.Comment)).toMatchObject({ labId: 'paths-2d', runIds: [] })
    // the filled contour bands (the app's blue tints, from TINT rgb(196,214,240) towards white)
    expect(countColor(png, '#c4d6f0', 12) + countColor(png, '#d8e4f5', 8)).toBeGreaterThan(20_000)
  })

  it('lab 1 on another function, and with a diverging optimizer', () => {
    expectOpaqueAndDrawn(render(instantDetail('paths-2d', { fn: 'rosenbrock' })))
    expectOpaqueAndDrawn(render(instantDetail('paths-2d', { optimizers: [{ kind: 'sgd', lr: 1.2 }, { kind: 'adam', lr: 0.3 }] })))
  })

  it('lab 3 draws a row of histograms per init, a cell per activation, the figure as tall as it needs', () => {
    const png = render(instantDetail('init-histograms', { samples: 200 }))
    expectOpaqueAndDrawn(png, 4)
    expect(png.height).toBeGreaterThan(5 * 120)
    expect(countColor(png, '#3f72c4', 2)).toBeGreaterThan(5000) // the app's bar colour
    const one = render(instantDetail('init-histograms', { inits: [{ kind: 'he' }], activations: ['relu'] }))
    expect(one.height).toBeLessThan(png.height)
    expectOpaqueAndDrawn(one, 4)
  })
})

describe('ticks', () => {
  it('are d3-array\'s round values, labelled without float noise', () => {
    expect(niceTicks(0, 2000, 8)).toEqual([0, 200, 400, 600, 800, 1000, 1200, 1400, 1600, 1800, 2000])
    expect(niceTicks(0, 1, 6)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1])
    expect(niceTicks(-0.3, 0.7, 5)).toEqual([-0.2, 0, 0.2, 0.4, 0.6])
    expect(niceTicks(NaN, 1)).toEqual([])
    expect(tickStep(-10, 10, 9)).toBe(2)
    expect(tickStep(5, 5, 3)).toBe(1)
    expect(niceTicks(0, 0.3, 3).map((v) => tickLabel(v, tickStep(0, 0.3, 3)))).toEqual(['0.0', '0.1', '0.2', '0.3'])
    expect(tickLabel(-2, 1)).toBe('−2')
    expect([countLabel(1500), countLabel(20000), countLabel(2.4e6), countLabel(12)]).toEqual(['1.5k', '20k', '2.4M', '12'])
  })
})
