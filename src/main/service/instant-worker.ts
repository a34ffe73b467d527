/**
 * Worker thread for the instant labs (1: 2-D paths, 3: activation histograms): computes one
 * lab's result off the main thread, so saving lab 3 at 10,000 samples (seconds of work) leaves
 * every other request and every live chart flowing. One message in, one message out.
 */
import { parentPort } from 'node:worker_threads'
import { getLab } from '../../labs/registry'
import type { LabId } from '../../labs/registry'

export interface InstantJob {
  labId: LabId
  params: Record<string, unknown>
}
export type InstantReply = { ok: true; result: unknown } | { ok: false; error: string }

parentPort?.once('message', (job: InstantJob) => {
  let reply: InstantReply
  try {
    const lab = getLab(job.labId)
    if (!lab || lab.kind !== 'instant') throw new Error(`lab '${job.labId}' is not an instant lab`)
    reply = { ok: true, result: lab.compute(job.params) }
  } catch (err) {
    reply = { ok: false, error: (err as Error).message || String(err) }
  }
  parentPort?.postMessage(reply)
})
