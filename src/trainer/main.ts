/**
 * Trainer process: receives one run spec, trains it with the engine, streams metric batches and
 * progress back, and exits. Cancel is a kill from the parent (the training loop is synchronous).
 */
import { DivergenceError, Rng, prepareData, setKernels, train, tsKernels } from '../engine'
import { createWasmKernels } from '../engine/kernels/wasm'
import { loadDataSource } from '../main/data/load'
import { ToTrainerSchema } from '../shared/trainer-protocol'
import { parentPort } from './parent-port'

// WebAssembly SIMD kernels where the runtime has them (about 4-5x the TypeScript ones per step),
// the TypeScript reference otherwise; GRADIENT_LAB_KERNELS=ts forces the reference. The plain
// SIMD build is pinned: relaxed SIMD's fused multiply-add (on in Electron, off in Node 20) would
// make the app and the CLI give slightly different numbers for the same seed.
if (process.env.GRADIENT_LAB_KERNELS !== 'ts') setKernels(createWasmKernels({ variant: 'simd', arenaBytes: 256 << 20 }) ?? tsKernels)

const port = parentPort()

function fail(error: string): void {
  port.send({ type: 'failed', error })
  setTimeout(() => process.exit(1), 200)
}

port.onMessage((raw) => {
  const parsed = ToTrainerSchema.safeParse(raw)
  if (!parsed.success) return fail(`bad message to trainer: ${parsed.error.message}`)
  const msg = parsed.data
  if (msg.type === 'cancel') process.exit(0)
  try {
    const { spec } = msg
    const raw = loadDataSource(spec.data.source, msg.builtinDataPath)
    const data = prepareData(raw, spec.data, new Rng(spec.seed).derive('data'))
    let lastProgress = 0
    const final = train(spec, data, {
      now: () => performance.now(),
      onChunks: (chunks) => port.send({ type: 'metrics', chunks }),
      onInside: (frame, digits) => port.send({ type: 'inside', frame, digits }),
      onProgress: (done, total) => {
        const t = performance.now()
        if (done === total || t - lastProgress > 100) {
          lastProgress = t
          port.send({ type: 'progress', done, total })
        }
      },
    })
    port.send({ type: 'finished', final })
    setTimeout(() => process.exit(0), 1000)
  } catch (err) {
    if (err instanceof DivergenceError) return fail(err.message)
    const e = err as Error
    fail(e.message || String(err))
  }
})
port.send({ type: 'ready' })
