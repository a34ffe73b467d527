/**
 * Curves told apart without colour (issue 11): the palette stays distinct under simulated
 * deuteranopia and protanopia (Machado, Oliveira & Fernandes 2009, severity 1, in linear RGB;
 * CIELAB ΔE76), every run has its own marker, markers stand every N points and keep their place
 * while a live curve grows, and the test/validation curves carry their dash.
 */
import { describe, expect, it } from 'vitest'
import { lineDatasets } from '../../src/figures/lineChart'
import { BN_STYLES, CURE_STYLES, INIT_STYLES, OPTIMIZER_STYLES, ordinalStyle, runStyles } from '../../src/figures/palette'
import { CURVE_DASH, markEvery, markerRadii } from '../../src/figures/seriesStyle'

const DEUTERANOPIA = [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]]
const PROTANOPIA = [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]

const linear = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
function lab([r, g, b]: number[]): number[] {
  const X = 0.4124 * r + 0.3576 * g + 0.1805 * b
  const Y = 0.2126 * r + 0.7152 * g + 0.0722 * b
  const Z = 0.0193 * r + 0.1192 * g + 0.9505 * b
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116)
  return [116 * f(Y) - 16, 500 * (f(X / 0.95047) - f(Y)), 200 * (f(Y) - f(Z / 1.08883))]
}
/** The colour as seen with the given colour-vision deficiency, in CIELAB. */
function seen(hex: string, m: number[][]): number[] {
  const rgb = [1, 3, 5].map((i) => linear(parseInt(hex.slice(i, i + 2), 16)))
  return lab(m.map((row) => Math.min(1, Math.max(0, row[0]! * rgb[0]! + row[1]! * rgb[1]! + row[2]! * rgb[2]!))))
}
function minDistance(colors: string[], m: number[][]): number {
  let min = Infinity
  for (let i = 0; i < colors.length; i++)
    for (let j = i + 1; j < colors.length; j++) min = Math.min(min, Math.hypot(...seen(colors[i]!, m).map((v, k) => v - seen(colors[j]!, m)[k]!)))
  return min
}

describe('the palette under colour-vision deficiency', () => {
  const optimizers = Object.values(OPTIMIZER_STYLES).map((s) => s.color)
  it('the six optimizer colours stay at least ΔE 15 apart under deuteranopia and protanopia', () => {
    expect(minDistance(optimizers, DEUTERANOPIA)).toBeGreaterThan(15)
    expect(minDistance(optimizers, PROTANOPIA)).toBeGreaterThan(15)
  })
  it('the measure does tell: tab10 AdaGrad and Adam (the old colours) are under ΔE 10 apart with deuteranopia', () => {
    expect(minDistance(['#2ca02c', '#d62728'], DEUTERANOPIA)).toBeLessThan(10)
    expect(minDistance([OPTIMIZER_STYLES.adagrad.color, OPTIMIZER_STYLES.adam.color], DEUTERANOPIA)).toBeGreaterThan(40)
  })
})

describe('run styles', () => {
  it('the book markers: SGD o, Momentum x, AdaGrad s, Adam D; inits o s D; every lab style has a marker of its own', () => {
    expect(['sgd', 'momentum', 'adagrad', 'adam'].map((k) => OPTIMIZER_STYLES[k as 'sgd'].marker)).toEqual(['circle', 'crossRot', 'rect', 'rectRot'])
    expect([INIT_STYLES.std, INIT_STYLES.xavier, INIT_STYLES.he].map((s) => s.marker)).toEqual(['circle', 'rect', 'rectRot'])
    for (const set of [OPTIMIZER_STYLES, INIT_STYLES, BN_STYLES, CURE_STYLES]) {
      const markers = Object.values(set).map((s) => s.marker)
      expect(new Set(markers).size).toBe(markers.length)
    }
  })
  it('generic styles differ in colour or marker for 56 runs; runStyles keeps a lab its own and never repeats a colour within the palette', () => {
    const keys = new Set(Array.from({ length: 56 }, (_, i) => `${ordinalStyle(i).color} ${ordinalStyle(i).marker}`))
    expect(keys.size).toBe(56)
    const runs = ['adam', 'adam', 'sgd'].map((optimizer) => ({ meta: { optimizer } }))
    const styles = runStyles('optimizers-mnist', runs)
    expect(styles[0]).toEqual(OPTIMIZER_STYLES.adam)
    expect(styles[2]).toEqual(OPTIMIZER_STYLES.sgd)
    expect(new Set(styles.map((s) => s.color)).size).toBe(3)
  })
})

describe('markers every N points', () => {
  const xs = (n: number, step = 1) => Array.from({ length: n }, (_, i) => i * step)
  it('about 16 markers over the planned range, and the same N while a live curve grows', () => {
    expect(markEvery(xs(2000), 1999, 16)).toBe(125)
    expect(markEvery(xs(300), 1999, 16)).toBe(125) // 300 of 2000 points received so far
    expect(markEvery(xs(21, 100), 2000, 16)).toBe(1) // 21 evaluations: one marker each
    const r = markerRadii({ color: '#000', x: xs(2000), marker: 'circle' }, 1999, false)
    expect(r.filter((v) => v > 0)).toHaveLength(16)
  })
  it('each run starts at its own phase, so curves lying on each other show every marker', () => {
    const at = (phase: number) => markerRadii({ color: '#000', x: xs(400), marker: 'rect', markerPhase: phase }, 399, false).findIndex((v) => v > 0)
    expect(new Set([0, 1, 2, 3].map(at)).size).toBe(4)
  })
  it('datasets carry the marker, radii and the dash of their kind; without a marker, short series keep plain points', () => {
    const [train, test, plain] = lineDatasets(
      [
        { id: 'a', label: 'a', color: '#0072b2', x: xs(100), y: xs(100), marker: 'rectRot', kind: 'train' },
        { id: 'b', label: 'b', color: '#0072b2', x: xs(100), y: xs(100), marker: 'rectRot', kind: 'test' },
        { id: 'c', label: 'c', color: '#e69f00', x: xs(10), y: xs(10) },
      ],
      false,
      99,
    )
    expect(train!.pointStyle).toBe('rectRot')
    expect((train!.pointRadius as number[]).filter((v) => v > 0).length).toBeGreaterThan(10)
    expect(train!.borderDash).toEqual(CURVE_DASH.train)
    expect(test!.borderDash).toEqual(CURVE_DASH.test)
    expect(plain!.pointRadius).toBe(2.5)
  })
})
