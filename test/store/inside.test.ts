/** Issue 12's store part on a real SQLite file: inside frames and digits per run (migration 004). */
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { BundleError, Store } from '../../src/main/store'
import type { Digits, InsideFrame } from '../../src/shared/inside'
import { dbPath, runSpec, tempDir } from './helpers'

const dir = tempDir()

const hist = (n: number) => ({ edges: Array.from({ length: 4 }, (_, i) => i), counts: [n, 0, 1] })
const frame = (step: number, tiles = false): InsideFrame => ({
  step,
  layers: [
    { index: 1, kind: 'relu', activations: hist(step), preActivations: hist(2), mean: 0.5, std: 0.25, dead: 0.1, weights: hist(3), ...(step > 0 ? { gradNorm: 1.5, updateRatio: 1e-3 } : {}) },
    { index: 2, kind: 'softmax', activations: hist(4), mean: 0.1, std: 0.2, weights: hist(5) },
  ],
  predictions: { predicted: [3, 1], probability: [0.9, 0.4] },
  ...(tiles ? { tiles: { units: 1, rows: 2, cols: 2, scale: 0.5, data: 'gICAgA==' } } : {}),
})
const digits: Digits = { indices: [5, 9], labels: [3, 7], rows: 2, cols: 2, pixels: 'AAAAAAAAAAA=' }

function setup() {
  const path = dbPath(dir)
  const s = Store.open(path)
  const exp = s.createExperiment({ labId: 'init-mnist', name: 'inside', params: {}, seed: 1 })
  const [a, b] = s.addRuns(exp.id, [
    { label: 'std=0.01', meta: {}, spec: runSpec() },
    { label: 'He', meta: {}, spec: runSpec() },
  ])
  return { path, s, exp, a: a!, b: b! }
}

describe('Store inside frames', () => {
  it('stores frames in step order with the digits, per run; a repeated step overwrites', () => {
    const { s, a, b } = setup()
    expect(s.appendInside(a.id, frame(10), null)).toBe(true)
    expect(s.appendInside(a.id, frame(0, true), digits)).toBe(true)
    expect(s.appendInside(a.id, { ...frame(10), predictions: { predicted: [0, 0], probability: [1, 1] } }, null)).toBe(true)
    expect(s.getInside(a.id)).toEqual({ digits, frames: [frame(0, true), { ...frame(10), predictions: { predicted: [0, 0], probability: [1, 1] } }] })
    expect(s.getInside(b.id)).toEqual({ digits: null, frames: [] })
    expect(s.getInside(999)).toBeUndefined()
    expect(s.appendInside(999, frame(0), digits)).toBe(false)
    s.close()
  })

  it('goes with its run: deleted with the experiment, cleared when a run is queued again', () => {
    const { path, s, exp, a } = setup()
    s.appendInside(a.id, frame(0), digits)
    s.updateRun(a.id, { status: 'cancelled' })
    s.requeueUnfinished(exp.id)
    expect(s.getInside(a.id)).toEqual({ digits: null, frames: [] })
    s.appendInside(a.id, frame(0), digits)
    s.deleteExperiment(exp.id)
    s.close()
    const raw = new Database(path, { readonly: true })
    expect(raw.prepare('SELECT (SELECT count(*) FROM inside_frames) + (SELECT count(*) FROM inside_digits) AS n').get()).toEqual({ n: 0 })
    raw.close()
  })

  it('travels in a bundle and comes back identical; a bundle with a bad frame is refused, changing nothing', () => {
    const { s, exp, a, b } = setup()
    s.appendInside(a.id, frame(0, true), digits)
    s.appendInside(a.id, frame(5), null)
    s.updateRun(a.id, { status: 'finished' })
    s.updateRun(b.id, { status: 'finished' })
    const bundle = JSON.parse(JSON.stringify(s.exportBundle([exp.id])))
    expect(bundle.experiments[0].runs[0].inside.frames).toHaveLength(2)
    expect(bundle.experiments[0].runs[1].inside).toBeUndefined()

    const other = Store.open(dbPath(dir))
    const [id] = other.importBundle(bundle)
    const runs = other.getExperiment(id!)!.runs
    expect(other.getInside(runs[0]!.id)).toEqual(s.getInside(a.id))
    expect(other.getInside(runs[1]!.id)).toEqual({ digits: null, frames: [] })

    const bad = structuredClone(bundle)
    bad.experiments[0].runs[0].inside.frames[1].layers[0].activations.counts = [1, 2]
    expect(() => other.importBundle(bad)).toThrow(BundleError)
    expect(() => other.importBundle(bad)).toThrow(/experiments\.0\.runs\.0\.inside\.frames\.1\.layers\.0\.activations: a histogram needs one more edge than counts/)
    expect(other.listExperiments({})).toHaveLength(1)
    other.close()
    s.close()
  })
})
