/** The `--json` report: one object per experiment, a stable shape for scripts and tests. */
import type { RunInside } from '../shared/inside'
import type { ExperimentDetail } from '../shared/records'
import type { RunFacts } from '../shared/run-facts'
import { type JsonInside, insideReport } from './report-inside'

export interface JsonRun extends Partial<JsonInside> {
  id: number
  label: string
  status: string
  error: string | null
  optimizer: string
  hyperparameters: Record<string, unknown>
  meta: Record<string, unknown>
  /** Training rows, iterations per epoch and planned iterations, as planned. */
  facts: RunFacts
  series: Record<string, number[]>
  /** Iteration index of each point of the non-loss series (accuracies are measured every epoch or evalEvery). */
  steps: Record<string, number[]>
  final: { loss: number | null; trainAcc: number | null; testAcc: number | null; valAcc?: number | null; confusion?: number[][] } | null
}

/** `insideOf` adds each run's snapshots, predictions and digits (issue 12) when given. */
export function toJsonReport(preset: string, detail: ExperimentDetail, insideOf?: (runId: number) => RunInside | undefined) {
  const runs: JsonRun[] = detail.runs.map((r) => {
    const { kind, ...hyper } = r.spec.optimizer
    const series: Record<string, number[]> = {}
    const steps: Record<string, number[]> = {}
    for (const s of r.series) {
      series[s.series] = s.values
      if (s.series !== 'loss') steps[s.series] = s.steps
    }
    const metaHyper = (r.meta.hyperparameters as Record<string, unknown> | undefined) ?? hyper
    return {
      id: r.id,
      label: r.label,
      status: r.status,
      error: r.error,
      optimizer: kind,
      hyperparameters: metaHyper,
      meta: r.meta,
      facts: r.facts,
      series,
      steps,
      final: r.final
        ? {
            loss: r.final.loss,
            trainAcc: r.final.trainAcc,
            testAcc: r.final.testAcc,
            ...(r.final.valAcc !== undefined ? { valAcc: r.final.valAcc } : {}),
            ...(r.final.confusion ? { confusion: r.final.confusion } : {}),
          }
        : null,
      ...insideReport(insideOf?.(r.id)),
    }
  })
  return {
    experimentId: detail.experiment.id,
    preset,
    labId: detail.experiment.labId,
    name: detail.experiment.name,
    seed: detail.experiment.seed,
    params: detail.experiment.params,
    runs,
    ...(detail.experiment.result !== null ? { result: detail.experiment.result } : {}),
  }
}
