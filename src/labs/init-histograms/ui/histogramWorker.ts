/// <reference lib="webworker" />
/**
 * Lab 3's cells computed off the main thread (1000×100 inputs through 5 layers: about 0.1 s a
 * cell). One cell per task: a newer request stops an older one between two cells.
 */
import { computeCell, type HistogramRequest } from '@renderer/lib/histogramJobs'

let latest = 0

function run(req: HistogramRequest, i: number): void {
  if (req.generation !== latest || i >= req.jobs.length) return
  const job = req.jobs[i]!
  try {
    self.postMessage({ generation: req.generation, key: job.key, cell: computeCell(req.base, job) })
  } catch (err) {
    self.postMessage({ generation: req.generation, key: job.key, error: (err as Error).message })
  }
  setTimeout(() => run(req, i + 1), 0)
}

self.onmessage = (e: MessageEvent<HistogramRequest>) => {
  latest = e.data.generation
  run(e.data, 0)
}
