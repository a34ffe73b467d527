/**
 * ExperimentDetails for the exporter tests, without a database: runs planned by the real lab
 * definitions (labels, meta, specs) with synthetic but plausible curves, and the instant labs'
 * results computed by the real engine.
 */
import { Rng } from '../../src/engine/random'
import { getLab } from '../../src/labs/registry'
import type { InstantLab, RunLab, RunPlan } from '../../src/labs/types'
import type { ExperimentDetail, RunWithSeries, Series } from '../../src/shared/records'
import type { LabId } from '../../src/labs/registry'
import { legacyRunFacts } from '../../src/shared/run-facts'

/** Small deterministic noise for the curves: the engine's own generator. */
export function rng(seed: number): () => number {
  const r = new Rng(seed)
  return () => r.uniform()
}

export type Synth = (plan: RunPlan, index: number, rand: () => number) => { series: Series[]; iterations: number; epochs: number }

function experiment(labId: LabId, id: number, name: string, params: Record<string, unknown>, runCount: number, result: unknown = null) {
  return {
    id, labId, name, params, seed: 1, tags: ['test'], parentId: null, result,
    createdAt: '2026-01-02T03:04:05.000Z', status: 'finished' as const, runCount, runsDone: runCount,
  }
}

/** A finished experiment of a trained lab: its planned runs with the curves `synth` draws. */
export function trainedDetail(labId: LabId, synth: Synth, opts: { id?: number; name?: string; params?: Record<string, unknown> } = {}): ExperimentDetail {
  const lab = getLab(labId) as RunLab
  const params = lab.schema.parse(opts.params ?? {})
  const rand = rng(42)
  const id = opts.id ?? 7
  const runs: RunWithSeries[] = lab.plan(params).map((p, i) => {
    const { series, iterations, epochs } = synth(p, i, rand)
    const last = (n: string) => series.find((s) => s.series === n)?.values.at(-1) ?? null
    return {
      id: 100 + i, experimentId: id, ordinal: i, label: p.label, meta: p.meta, spec: p.spec, facts: legacyRunFacts(p.spec), status: 'finished', error: null,
      final: { loss: last('loss'), trainAcc: last('trainAcc'), testAcc: last('testAcc'), valAcc: last('valAcc'), iterations, epochs, elapsedMs: 1000 },
      createdAt: '2026-01-02T03:04:05.000Z', startedAt: null, finishedAt: null, series,
    }
  })
  return { experiment: experiment(labId, id, opts.name ?? lab.defaultName(params), params, runs.length), runs }
}

/** An instant lab's experiment with the engine's real result. */
export function instantDetail(labId: 'paths-2d' | 'init-histograms', params: Record<string, unknown> = {}, name?: string): ExperimentDetail {
  const lab = getLab(labId) as InstantLab
  const p = lab.schema.parse(params)
  return { experiment: experiment(labId, 3, name ?? lab.defaultName(p), p, 0, lab.compute(p)), runs: [] }
}

const decay = (t: number, from: number, to: number, tau: number) => to + (from - to) * Math.exp(-t / tau)
/** 0, every, 2·every, … and always the end, as the trainer evaluates. */
const steps = (n: number, every: number) => {
  const s = Array.from({ length: Math.floor(n / every) + 1 }, (_, k) => k * every)
  return s[s.length - 1] === n ? s : [...s, n]
}

/** Lab 2 / lab 4: a loss per iteration and accuracy every 500 iterations; `speed` per run index. */
export function lossSynth(speed: number[], floor: number[]): Synth {
  return (p, i, rand) => {
    const n = p.spec.budget.count
    const tau = 600 / speed[i % speed.length]
    const f = floor[i % floor.length]
    const loss = Array.from({ length: n }, (_, t) => Math.max(0, decay(t, 2.3, f, tau) * (1 + 0.35 * (rand() - 0.5))))
    const acc = steps(n, 500)
    return {
      iterations: n, epochs: (n * 128) / 8000,
      series: [
        { series: 'loss', steps: loss.map((_, t) => t), values: loss },
        { series: 'trainAcc', steps: acc, values: acc.map((t) => decay(t, 0.1, 1 - f / 3, tau)) },
        { series: 'testAcc', steps: acc, values: acc.map((t) => decay(t, 0.1, 0.95 - f / 3, tau)) },
      ],
    }
  }
}

/** Epoch-based labs (5, 6, 7): accuracy per epoch, `names` chooses the series. */
export function accuracySynth(names: ('trainAcc' | 'testAcc' | 'valAcc')[], perEpoch = 10): Synth {
  return (p, i, rand) => {
    const epochs = p.spec.budget.count
    const st = steps(epochs * perEpoch, perEpoch)
    const top = 0.3 + 0.65 * rand()
    const tau = 2 + 10 * rand()
    const series: Series[] = names.map((name, k) => ({
      series: name, steps: st,
      values: st.map((t) => Math.min(1, decay(t / perEpoch, 0.1, top + (k === 0 ? 0.04 : 0), tau) + 0.01 * (rand() - 0.5))),
    }))
    return { iterations: epochs * perEpoch, epochs, series }
  }
}
