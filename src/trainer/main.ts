/**
 * Trainer process, one of the RunManager's warm pool: receives run specs one at a time, trains
 * each with the engine, streams metric batches and progress back, and reports `finished` with its
 * resident memory, then waits for the next run. What it keeps between runs: the compiled
 * WebAssembly kernels, V8's optimized code, the datasets by source (loadDataSource's cache) and
 * the last run's prepared data (reused by a run asking for the same data and seed); each run's
 * own kernel memory (network, optimizer state, buffers) is handed back when the run ends
 * (withScopedMemory), and a run depends only on its spec and seed (prepared data is only read),
 * so a reused trainer gives the same numbers bit for bit as a fresh one. After a failed run it exits (the pool starts a
 * fresh one). Cancel is a kill from the parent (the training loop is synchronous). It exits by
 * itself as soon as its parent is gone (see ./parent-port.ts).
 */
import { DivergenceError, Rng, dataRng, getKernels, prepareData, setKernels, train, tsKernels, withScopedMemory, type Prepared, type RawDataset } from '../engine'
import { createWasmKernels } from '../engine/kernels/wasm'
import { loadDataSource } from '../main/data/load'
import type { FinalMetrics } from '../shared/schemas'
import { ToTrainerSchema, type ToTrainer } from '../shared/trainer-protocol'
import { parentPort } from './parent-port'

// WebAssembly SIMD kernels where the runtime has them (about 4-5x the TypeScript ones per step),
// the TypeScript reference otherwise; GRADIENT_LAB_KERNELS=ts forces the reference. The plain
// SIMD build is pinned: relaxed SIMD's fused multiply-add (on in Electron, off in Node 20) would
// make the app and the CLI give slightly different numbers for the same seed.
if (process.env.GRADIENT_LAB_KERNELS !== 'ts') setKernels(createWasmKernels({ variant: 'simd', arenaBytes: 256 << 20 }) ?? tsKernels)

const port = parentPort()
const exitIfOrphaned = () => {
  if (port.parentGone()) process.exit(0)
}
port.onParentGone(() => process.exit(0))

function fail(error: string): void {
  port.send({ type: 'failed', error })
  setTimeout(() => process.exit(1), 200)
}

// Kernel memory below this mark lives as long as the process (set after the kernels are in place).
const baseMark = getKernels().mark?.()

/**
 * The last run's prepared data, kept for the next run when that asks for the same data (the
 * runs of one experiment share their seed, so lab 2's four runs prepare it once). It sits in
 * kernel memory right above baseMark, below the run's own scope; another request drops it.
 */
let prepared: { key: string; raw: RawDataset; data: Prepared } | null = null

function dataFor(msg: Extract<ToTrainer, { type: 'start' }>): Prepared {
  const { spec } = msg
  const raw = loadDataSource(spec.data.source, msg.builtinDataPath) // cached by source while its files are unchanged
  const key = JSON.stringify([spec.data, spec.seed])
  if (prepared && prepared.key === key && prepared.raw === raw) return prepared.data
  prepared = null
  if (baseMark !== undefined) getKernels().release?.(baseMark)
  const data = prepareData(raw, spec.data, dataRng(spec.seed))
  prepared = { key, raw, data }
  return data
}

/** One run on the prepared data; its own kernel memory is handed back at the end (even on a throw). */
function runOnce(msg: Extract<ToTrainer, { type: 'start' }>): FinalMetrics {
  const { spec } = msg
  const data = dataFor(msg)
  let lastProgress = 0
  return withScopedMemory(() =>
    train(spec, data, {
      now: () => performance.now(),
      onChunks: (chunks) => port.send({ type: 'metrics', chunks }),
      onInside: (frame, digits) => port.send({ type: 'inside', frame, digits }),
      // polled every iteration: the loop is synchronous, so the parent's death is noticed here
      shouldStop: () => {
        exitIfOrphaned()
        return false
      },
      onProgress: (done, total) => {
        const t = performance.now()
        if (done === total || t - lastProgress > 100) {
          lastProgress = t
          port.send({ type: 'progress', done, total })
        }
      },
    }),
  )
}

port.onMessage((raw) => {
  const parsed = ToTrainerSchema.safeParse(raw)
  if (!parsed.success) return fail(`bad message to trainer: ${parsed.error.message}`)
  const msg = parsed.data
  if (msg.type === 'cancel') process.exit(0)
  try {
    const final = runOnce(msg)
    // stays alive for the next run; the pool recycles it by run count or this figure
    port.send({ type: 'finished', final, rssBytes: process.memoryUsage.rss() })
  } catch (err) {
    if (err instanceof DivergenceError) return fail(err.message)
    const e = err as Error
    fail(e.message || String(err))
  }
})
port.send({ type: 'ready' })
