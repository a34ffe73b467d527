/**
 * Lab 3's grid as independent cells: each init × activation depends only on the seed and the
 * sizes, so a cell computed alone equals the same cell of the whole grid (and of the stored result).
 */
import { computeHistograms, initLabel, type Activation, type InitHistogramsParams, type InitHistogramsResult, type InitSpec } from './contract'

export type HistogramCell = InitHistogramsResult['cells'][number]
export type HistogramBase = Omit<InitHistogramsParams, 'inits' | 'activations'>

export interface HistogramJob {
  key: string
  init: InitSpec
  activation: Activation
}

export interface HistogramRequest {
  generation: number
  base: HistogramBase
  jobs: HistogramJob[]
}

export interface HistogramReply {
  generation: number
  key: string
  cell?: HistogramCell
  error?: string
}

export function cellKey(base: HistogramBase, init: InitSpec, activation: Activation): string {
  return `${initLabel(init)}|${activation}|${base.layers}|${base.units}|${base.samples}|${base.bins}|${base.seed}`
}

export function computeCell(base: HistogramBase, job: HistogramJob): HistogramCell {
  return computeHistograms({ ...base, inits: [job.init], activations: [job.activation] }).cells[0]!
}
