/** A trainer's inside frame (issue 12): stored in its own transaction, then forwarded as a `run.inside` event. */
import type { LabEvent } from '../../shared/events'
import type { Digits, InsideFrame } from '../../shared/inside'

export interface InsideSink {
  appendInside(runId: number, frame: InsideFrame, digits: Digits | null): void
}

export function relayInside(
  sink: Partial<InsideSink>,
  emit: (e: LabEvent) => void,
  ids: { runId: number; experimentId: number },
  msg: { frame: InsideFrame; digits: Digits | null },
): void {
  sink.appendInside?.(ids.runId, msg.frame, msg.digits)
  emit({ type: 'run.inside', ...ids, frame: msg.frame, digits: msg.digits })
}
