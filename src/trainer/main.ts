/**
 * Trainer process, one of the RunManager's warm pool: receives run specs one at a time, trains
 * each with the engine, streams metric batches and progress back, and reports `finished` with its
 * resident memory, then waits for the next run. What it keeps between runs: the compiled
 * WebAssembly kernels, V8's optimized code and the datasets by source (loadDataSource's cache);
 * each run's kernel memory (network, optimizer state, prepared data) is handed back when the run
 * ends (withScopedMemory), and a run depends only on its spec and seed, so a reused trainer gives
 * the same numbers bit for bit as a fresh one. After a failed run it exits (the pool starts a
 * fresh one). Cancel is a kill from the parent (the training loop is synchronous). It exits by
 * itself as soon as its parent is gone (see ./parent-port.ts).
 */
import { DivergenceError, Rng, prepareData, setKernels, train, tsKernels, withScopedMemory } from '../engine'
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

/** One run: its data from the cache, its kernel memory handed back at the end (even on a throw). */
function runOnce(msg: Extract<ToTrainer, { type: 'start' }>): FinalMetrics {
  const { spec } = msg
  let lastProgress = 0
  return withScopedMemory(() => {
    const raw = loadDataSource(spec.data.source, msg.builtinDataPath)
    const data = prepareData(raw, spec.data, new Rng(spec.seed).derive('data'))
    return train(spec, data, {
      now: () => performance.now(),
      onChunks: (chunks) => port.send({ type: 'metrics', chunks }),
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
    })
  })
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
