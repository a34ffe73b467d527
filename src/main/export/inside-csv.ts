/**
 * An experiment's inside record (issue 12) as one long CSV:
 * `run_id,label,step,layer,kind,quantity,bin_lo,bin_hi,value`.
 * - scalar rows: quantity mean, std, dead, saturated, gradNorm, updateRatio (bins empty);
 * - histogram rows: quantity activations, preActivations or weights, one row per bin with its edges;
 * - confusion rows (the final test confusion matrix): layer and kind empty, quantity `confusion`,
 *   bin_lo the true class, bin_hi the predicted class, value the count.
 */
import type { RunInside } from '../../shared/inside'
import type { ExperimentDetail } from '../../shared/records'
import { csvField } from '../../figures/csv'

const EOL = '\r\n'
const SCALARS = ['mean', 'std', 'dead', 'saturated', 'gradNorm', 'updateRatio'] as const
const HISTOGRAMS = ['activations', 'preActivations', 'weights'] as const

export const INSIDE_CSV_HEADER = 'run_id,label,step,layer,kind,quantity,bin_lo,bin_hi,value'

/** Empty apart from the header when no run has snapshots. */
export function insideCsv(detail: ExperimentDetail, insideOf: (runId: number) => RunInside | undefined): string {
  const out = [INSIDE_CSV_HEADER + EOL]
  for (const run of detail.runs) {
    const head = `${run.id},${csvField(run.label)},`
    for (const f of insideOf(run.id)?.frames ?? []) {
      for (const l of f.layers) {
        const at = `${head}${f.step},${l.index},${l.kind},`
        for (const q of SCALARS) if (l[q] !== undefined) out.push(`${at}${q},,,${l[q]}${EOL}`)
        for (const q of HISTOGRAMS) {
          const h = l[q]
          if (h) h.counts.forEach((c, i) => out.push(`${at}${q},${h.edges[i]},${h.edges[i + 1]},${c}${EOL}`))
        }
      }
    }
    const m = run.final?.confusion
    if (m) m.forEach((row, t) => row.forEach((c, p) => out.push(`${head}${run.final!.iterations},,,confusion,${t},${p},${c}${EOL}`)))
  }
  return out.join('')
}
