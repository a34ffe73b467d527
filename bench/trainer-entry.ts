/**
 * The trainer process for the bench: src/trainer/main.ts unchanged, with the kernel backend
 * chosen by BENCH_KERNELS ('ts', 'wasm'; anything else keeps what the trainer sets itself).
 * ES modules run the imported trainer first, then this body, which still comes before the first
 * message from the RunManager is handled.
 */
import { setKernels, tsKernels } from '../src/engine'
import { createWasmKernels } from '../src/engine/kernels/wasm'
import '../src/trainer/main'

const want = process.env.BENCH_KERNELS
if (want === 'ts') setKernels(tsKernels)
else if (want === 'wasm') setKernels(createWasmKernels({ arenaBytes: 256 << 20 }) ?? tsKernels)
