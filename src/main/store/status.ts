import type { ExperimentStatus } from '../../shared/records'
import type { RunStatus } from '../../shared/schemas'

export type StatusCounts = Record<RunStatus, number>

export const emptyCounts = (): StatusCounts => ({ queued: 0, running: 0, finished: 0, failed: 0, cancelled: 0, interrupted: 0 })

const ENDED: readonly RunStatus[] = ['finished', 'failed', 'cancelled', 'interrupted']

/** Runs that have ended, whatever the outcome (the "done" of "3/8 done"). */
export function endedCount(c: StatusCounts): number {
  return ENDED.reduce((n, s) => n + c[s], 0)
}

/**
 * An experiment's status, derived from its runs:
 * - no runs: 'finished' when it holds a result (instant labs), else 'queued' (runs not added yet);
 * - any run running → 'running';
 * - none running, some queued → 'queued' (waiting for a free trainer);
 * - all runs ended with the same status → that status ('finished', 'failed', 'cancelled',
 *   'interrupted');
 * - all ended with a mix of statuses (finished + failed, failed + cancelled, finished +
 *   interrupted, ...) → 'partial': some runs did not finish, look at each run.
 */
export function deriveExperimentStatus(c: StatusCounts, hasResult: boolean): ExperimentStatus {
  const total = c.queued + c.running + endedCount(c)
  if (total === 0) return hasResult ? 'finished' : 'queued'
  if (c.running > 0) return 'running'
  if (c.queued > 0) return 'queued'
  const only = ENDED.find((s) => c[s] === total)
  return only ?? 'partial'
}
