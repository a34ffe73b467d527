/**
 * Where lab 3's cells are computed: in Web Workers (one per core, at most 4), or on the main
 * thread one cell per task when a worker cannot start (the page then stays responsive between cells).
 */
import { computeCell, type HistogramReply, type HistogramRequest } from '@renderer/lib/histogramJobs'

export interface HistogramComputer {
  /** Computes the jobs, newest request first: replies of older requests are dropped. */
  compute(req: HistogramRequest): void
  dispose(): void
}

function mainThread(onReply: (r: HistogramReply) => void): HistogramComputer {
  let latest = 0
  let timer: ReturnType<typeof setTimeout> | null = null
  function run(req: HistogramRequest, i: number): void {
    timer = null
    if (req.generation !== latest || i >= req.jobs.length) return
    const job = req.jobs[i]!
    try {
      onReply({ generation: req.generation, key: job.key, cell: computeCell(req.base, job) })
    } catch (err) {
      onReply({ generation: req.generation, key: job.key, error: (err as Error).message })
    }
    timer = setTimeout(() => run(req, i + 1), 0)
  }
  return {
    compute(req) {
      latest = req.generation
      if (timer) clearTimeout(timer)
      timer = setTimeout(() => run(req, 0), 0)
    },
    dispose() {
      latest = -1
      if (timer) clearTimeout(timer)
    },
  }
}

/** Workers: one per core (at most 4), each given every n-th cell of a request. */
const POOL = Math.max(1, Math.min(4, (typeof navigator !== 'undefined' && navigator.hardwareConcurrency) || 2))

/** Workers when the platform gives them; if they cannot start, the main thread takes over the last request. */
export function createHistogramComputer(onReply: (r: HistogramReply) => void): HistogramComputer {
  let fallback: HistogramComputer | null = null
  let last: HistogramRequest | null = null
  let workers: Worker[] = []
  let answered = false
  const useFallback = (): void => {
    for (const w of workers) w.terminate()
    workers = []
    fallback ??= mainThread(onReply)
    if (last) fallback.compute(last)
  }
  try {
    for (let i = 0; i < POOL; i++) {
      const worker = new Worker(new URL('./histogramWorker.ts', import.meta.url), { type: 'module', name: `histograms-${i + 1}` })
      worker.onmessage = (e: MessageEvent<HistogramReply>) => {
        answered = true
        onReply(e.data)
      }
      worker.onerror = (e) => {
        e.preventDefault()
        if (!answered && workers.length > 0) useFallback()
      }
      workers.push(worker)
    }
  } catch {
    for (const w of workers) w.terminate()
    workers = []
    fallback = mainThread(onReply)
  }
  return {
    compute(req) {
      last = req
      if (workers.length === 0) return fallback!.compute(req)
      // Every worker gets the request (a newer one stops its older work), with its share of the cells.
      workers.forEach((w, i) => w.postMessage({ ...req, jobs: req.jobs.filter((_, j) => j % workers.length === i) }))
    },
    dispose() {
      for (const w of workers) w.terminate()
      fallback?.dispose()
    },
  }
}
