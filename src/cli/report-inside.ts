/** The inside part of a run's `--json` report (issue 12): snapshots, digit predictions, the sample digits' labels. */
import type { RunInside, Snapshot } from '../shared/inside'

export interface JsonInside {
  /** `[{ step, layers: [{ index, kind, activations, preActivations?, mean, std, dead?, saturated?, weights?, gradNorm?, updateRatio? }] }]` */
  snapshots: Snapshot[]
  /** The fixed sample of test digits: positions in the test set and true labels (pixels are in the bundle). */
  digits?: { indices: number[]; labels: number[] }
  /** Predicted class and its probability for each sample digit, per evaluation point. */
  predictions: { step: number; predicted: number[]; probability: number[] }[]
  /** Steps whose first-layer weight tiles are stored (the tiles themselves are in the bundle). */
  tileSteps: number[]
}

export function insideReport(inside: RunInside | undefined): JsonInside | Record<string, never> {
  if (!inside || inside.frames.length === 0) return {}
  return {
    snapshots: inside.frames.map((f) => ({ step: f.step, layers: f.layers })),
    ...(inside.digits ? { digits: { indices: inside.digits.indices, labels: inside.digits.labels } } : {}),
    predictions: inside.frames.flatMap((f) => (f.predictions ? [{ step: f.step, ...f.predictions }] : [])),
    tileSteps: inside.frames.flatMap((f) => (f.tiles ? [f.step] : [])),
  }
}
