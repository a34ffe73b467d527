/**
 * `npm run bench [-- --quick] [-- --json] [-- --write bench/RESULTS.md]`
 *
 * The engine against the project's own NumPy baseline (bench/numpy_baseline.py: the book's
 * MultiLayerNet and optimizers in float64), measured in the same run on the same data:
 *   1. kernel GFLOPS at the MLP's shapes: TypeScript, WebAssembly SIMD (and relaxed SIMD), NumPy;
 *   2. ms per training step (784-100×4-10, batch 128) per optimizer: TypeScript, WebAssembly,
 *      NumPy with one BLAS thread; and where a WebAssembly step's time goes;
 *   3. lab 2 (4 optimizers × 2000 iterations, paired) through the real RunManager and trainer
 *      processes, against NumPy doing the same 4 × 2000 steps with its default threads;
 *   4. the random search (100 trials × 50 epochs, 6×100, 400 training samples, batch 100);
 *   5. resident memory of the trainer processes (one lab-2 trainer, four at once);
 *   6. what the Inside panel's snapshots add to a run's training time (bench/inside.ts).
 * Ratios are engine time ÷ NumPy time: below 1 the engine is faster. --quick shortens every
 * part (fewer iterations and trials; under a minute): its ratios are indicative only.
 */
import { writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import v8 from 'node:v8'

// Node 20 validates relaxed SIMD only behind a flag (Electron's newer V8 has it on). Set it
// before any module is compiled, so the kernel table can show both builds; the step and lab
// figures use the plain SIMD build, which is what a Node 20 trainer process picks by itself.
v8.setFlagsFromString('--experimental-wasm-relaxed-simd')

import { Rng, prepareData, setKernels, tsKernels, type Kernels, type Prepared } from '../src/engine'
import { createWasmKernels, wasmSupport, type WasmKernels, type WasmVariant } from '../src/engine/kernels/wasm'
import { loadBuiltinMnist } from '../src/main/data/builtin'
import { MLP_SHAPES, denseOperands, gflops, inMemory, sizes, type KernelRow, type Shape } from './kernels'
import { insideCostTable } from './inside'
import { bundleTrainer, runLab2, runSearch, searchSpecs, type AppRun } from './labs'
import { NumpyBaseline, type BlasInfo } from './numpy'
import { OPTIMIZERS, captureStep, lab2Spec, profileStep, stepTimes, type StepProfile } from './step'
import { Table, f1, f2, f3, ratio } from './table'
import { bestOf } from './timing'

const args = process.argv.slice(2)
const quick = args.includes('--quick')
const json = args.includes('--json')
const writeIdx = args.indexOf('--write')
const writeArg = writeIdx >= 0 ? args[writeIdx + 1] : undefined
const writePath = writeIdx < 0 ? null : writeArg && !writeArg.startsWith('--') ? writeArg : join(__dirname, 'RESULTS.md')
const log = (s: string) => {
  if (!json) process.stdout.write(s + '\n')
  else process.stderr.write(s + '\n')
}

const P = quick
  ? { kernelMs: 120, stepMs: 400, tsStepMs: 300, npIters: 40, lab2Iters: 200, searchTrials: 6, searchEpochs: 5, fourIters: 150, profileSteps: 100 }
  : { kernelMs: 500, stepMs: 2000, tsStepMs: 1200, npIters: 200, lab2Iters: 2000, searchTrials: 100, searchEpochs: 50, fourIters: 600, profileSteps: 500 }

const ROOT = join(__dirname, '..')
const raw = loadBuiltinMnist(join(ROOT, 'resources', 'mnist-10k.bin'))

/** Lab 2's data (8,000 train / 2,000 test), allocated while `k` is active (its memory if it has one). */
function lab2Data(k: Kernels): Prepared {
  setKernels(k)
  try {
    return prepareData(raw, lab2Spec('sgd').data, new Rng(1).derive('data'))
  } finally {
    setKernels(tsKernels)
  }
}

function wasm(variant: WasmVariant): WasmKernels | null {
  return createWasmKernels({ variant, arenaBytes: 192 << 20 })
}

async function main(): Promise<void> {
  const support = wasmSupport()
  const wasmSimd = wasm('simd')
  if (!wasmSimd) throw new Error('this runtime has no WebAssembly SIMD: nothing to compare')
  const np = new NumpyBaseline()
  const npMissing = np.unavailable()
  const tables: Table[] = []
  const machine = {
    node: process.version,
    v8: process.versions.v8,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    wasm: support,
    numpy: null as (BlasInfo & { threads1?: number | null }) | null,
    quick,
    /** 1-minute load average before and after: above the core count, other work shared the cores. */
    loadBefore: loadavg()[0],
    loadAfter: 0,
  }
  log(`Gradient Lab bench (${quick ? 'quick' : 'full'}): ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; WebAssembly SIMD ${support.simd ? 'yes' : 'no'}, relaxed SIMD ${support.relaxedSimd ? 'yes (flag set by the bench)' : 'no'}${npMissing ? `; ${npMissing}` : ''}`)

  // ---- data for NumPy ------------------------------------------------------------------------
  const tsData = lab2Data(tsKernels)
  if (!npMissing) {
    np.writeSplit('train', tsData.trainX, tsData.trainY)
    np.writeSplit('test', tsData.testX, tsData.testY)
  }

  // ---- 1. kernels ----------------------------------------------------------------------------
  log('kernels…')
  const relaxed = support.relaxedSimd ? wasm('relaxed-simd') : null
  let npKernels: { kernels: { gflops64: number; gflops32: number }[] } | null = null
  if (!npMissing) {
    const shapes = MLP_SHAPES.map((s) => [s.m, s.k, s.n, s.op])
    npKernels = np.run('kernels', { shapes: JSON.stringify(shapes) }, 1)
  }
  const wasmData = lab2Data(wasmSimd)
  const captured = captureStep(wasmSimd, wasmData, quick ? 60 : 200).filter((c) => c.key.startsWith('matmul'))
  const kernelRows: KernelRow[] = MLP_SHAPES.map((s: Shape, i) => {
    const [a, b, c] = denseOperands(s, 17 + i)
    const ts = gflops(tsKernels, s, a, b, c, P.kernelMs)
    const w = gflops(wasmSimd, s, inMemory(wasmSimd, a), inMemory(wasmSimd, b), inMemory(wasmSimd, c), P.kernelMs)
    const wr = relaxed ? gflops(relaxed, s, inMemory(relaxed, a), inMemory(relaxed, b), inMemory(relaxed, c), P.kernelMs) : null
    // the same product in a real step (first match: W2's for the 100×100 ones)
    const call = captured.find((x) => x.key === s.op && x.args[3] === s.m && x.args[4] === s.k && x.args[5] === s.n)
    let stepData: number | null = null
    if (call) {
      const [ra, rb] = call.args as Float32Array[]
      stepData = gflops(wasmSimd, s, inMemory(wasmSimd, ra), inMemory(wasmSimd, rb), inMemory(wasmSimd, new Float32Array(sizes(s)[2])), P.kernelMs)
    }
    const npk = npKernels?.kernels[i]
    return { ...s, ts, wasm: w, wasmRelaxed: wr, wasmStepData: stepData, numpy64: npk?.gflops64 ?? null, numpy32: npk?.gflops32 ?? null }
  })
  // copy-in/out: every product of a step, with JS-heap operands vs operands in WASM memory
  let copyUs = 0
  let inMemUs = 0
  for (const { key, args: cargs } of captured) {
    const [a, b, c, m, k, n] = cargs as [Float32Array, Float32Array, Float32Array, number, number, number]
    const op = key as Shape['op']
    const heap = [a.slice(), b.slice(), c.slice()]
    const mem = [inMemory(wasmSimd, a), inMemory(wasmSimd, b), inMemory(wasmSimd, c)]
    copyUs += 1000 * bestOf(() => wasmSimd[op](heap[0], heap[1], heap[2], m, k, n, false), P.kernelMs / 4)
    inMemUs += 1000 * bestOf(() => wasmSimd[op](mem[0], mem[1], mem[2], m, k, n, false), P.kernelMs / 4)
  }
  const kt = new Table('Kernel GFLOPS at the MLP shapes (one thread; 2·m·k·n per call)', [
    'product', 'm×k×n', 'TS', 'WASM SIMD', 'WASM relaxed', 'WASM, step data', 'NumPy f64', 'NumPy f32',
  ])
  for (const r of kernelRows) {
    kt.add([`${r.op} ${r.role}`, `${r.m}×${r.k}×${r.n}`, f1(r.ts), f1(r.wasm), f1(r.wasmRelaxed), f1(r.wasmStepData), f1(r.numpy64), f1(r.numpy32)])
  }
  kt.note('TS and WASM on dense random operands (no zeros); "step data" = the operands of a real lab-2 step (MNIST pixels ~81% zero, ReLU outputs ~40% zero), which the WASM kernels skip: an effective rate.')
  kt.note(`WASM operands in its own memory; with JS-heap operands copied in and out (what the engine pays while its buffers live on the JS heap) the products of one step take ${f1(copyUs)} µs instead of ${f1(inMemUs)} µs.`)
  kt.note(`NumPy: np.dot, one OpenBLAS thread (${npMissing ? 'not available' : 'see the core below'}).`)
  tables.push(kt)
  log(kt.text())

  // ---- 2. steps ------------------------------------------------------------------------------
  log('training steps…')
  const stepTs = stepTimes(tsKernels, tsData, P.tsStepMs)
  const stepWasm = stepTimes(wasmSimd, wasmData, P.stepMs)
  let stepNp: { wall: Record<string, number>; cpu: Record<string, number> } | null = null
  let blas1: BlasInfo | null = null
  if (!npMissing) {
    const r = np.run<{ msPerStep: Record<string, number>; cpuMsPerStep: Record<string, number> }>('step', { iters: P.npIters, optimizers: OPTIMIZERS.join(',') }, 1)
    stepNp = { wall: r.msPerStep, cpu: r.cpuMsPerStep }
    blas1 = r.blas
  }
  const st = new Table('ms per training step, 784-100×4-10 ReLU, batch 128 (sample + forward + backward + update), one thread', [
    'optimizer', 'TS', 'WASM SIMD', 'NumPy f64 1T', 'WASM ÷ NumPy', 'TS ÷ NumPy', 'wall: WASM', 'wall: NumPy', 'wall ratio',
  ])
  for (const k of OPTIMIZERS) {
    const [t, w, n] = [stepTs.cpu[k], stepWasm.cpu[k], stepNp?.cpu[k]]
    st.add([k, f2(t), f2(w), f2(n), f2(ratio(w, n)), f2(ratio(t, n)), f2(stepWasm.wall[k]), f2(stepNp?.wall[k]), f2(ratio(stepWasm.wall[k], stepNp?.wall[k]))])
  }
  st.note('CPU milliseconds per step of the process (best of 5 timed blocks; V8\'s helper threads count for the engine): on a shared machine the steadiest measure of one-thread work; the best wall-clock times are beside them. step1T is the Adam row\'s CPU ratio.')
  st.note('The engine: Trainer.step() as a trainer process runs it. NumPy: the same network and optimizers (the book\'s code), float64, OPENBLAS_NUM_THREADS=1, best of 3 blocks.')
  if (blas1) st.note(`NumPy ${blas1.numpy}, OpenBLAS core ${blas1.core ?? 'unknown'} (OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE unset for it), ${blas1.threads ?? '?'} thread(s).`)
  tables.push(st)
  log(st.text())

  const profile: StepProfile = profileStep(wasmSimd, wasmData, 'adam', P.profileSteps)
  const pt = new Table(`Where a WASM step goes (Adam; ${f2(profile.totalMs)} ms per step while profiled)`, ['part', 'ms/step', 'share'])
  const km = profile.kernelMs
  const matmuls = (km.matmul ?? 0) + (km.matmulTN ?? 0) + (km.matmulNT ?? 0)
  const biasSums = (km.addBias ?? 0) + (km.colSums ?? 0)
  const elemKernels = (km.relu ?? 0) + (km.reluBackward ?? 0)
  const optKernels = (km.axpy ?? 0) + (km.momentum ?? 0) + (km.nesterov ?? 0) + (km.adagrad ?? 0) + (km.rmsprop ?? 0) + (km.adam ?? 0) + (km.sumSquares ?? 0)
  const fb = profile.parts.forward + profile.parts.backward
  const rows: [string, number][] = [
    ['batch: sample + gather 128 rows', profile.parts.batch],
    ['matrix products (WASM, incl. operand copies)', matmuls],
    ['addBias + colSums', biasSums],
    ['ReLU forward/backward in kernels', elemKernels],
    ['rest of forward/backward in JS (ReLU loops, softmax, loss, layer glue)', fb - matmuls - biasSums - elemKernels],
    ['optimizer update', profile.parts.update],
  ]
  for (const [name, ms] of rows) pt.add([name, f3(ms), `${((100 * ms) / profile.totalMs).toFixed(0)}%`])
  if (optKernels > 0) pt.note(`of the update, ${f3(optKernels)} ms inside WASM kernels`)
  pt.note('Kernel calls timed one by one (performance.now around each), so the total is a little above the step time above.')
  tables.push(pt)
  log(pt.text())

  // ---- 3. lab 2 end to end -------------------------------------------------------------------
  log('lab 2 through the RunManager…')
  const trainer = await bundleTrainer()
  process.env.BENCH_KERNELS = 'wasm'
  let lab2: AppRun | null = null
  let lab2Np: { wallS: number; blas: BlasInfo; oneThreadS: number; defaultThreadsS: number | null } | null = null
  let search: (AppRun & { via: string }) | null = null
  let searchNp: { wallS: number; blas: BlasInfo; oneThreadS: number; defaultThreadsS: number | null } | null = null
  const npBest = (mode: string, a: Record<string, string | number | boolean>) => {
    try {
      const r = np.bestThreads<{ wallS: number }>(mode, a)
      return { ...r.best, oneThreadS: r.oneThreadS, defaultThreadsS: r.defaultThreadsS }
    } catch (err) {
      log(`NumPy ${mode} failed: ${(err as Error).message.slice(0, 300)}`)
      return null
    }
  }
  let four: AppRun | null = null
  try {
    lab2 = await runLab2(trainer, P.lab2Iters)
    if (!npMissing) lab2Np = npBest('lab2', { iters: P.lab2Iters, 'eval-every': 500 })

    // ---- 4. random search ----------------------------------------------------------------------
    log('random search…')
    search = await runSearch(trainer, P.searchTrials, P.searchEpochs)
    if (!npMissing) {
      const spec = searchSpecs(1, 1)[0]
      const sd = prepareData(raw, spec.data, new Rng(1).derive('data'))
      np.writeSplit('strain', sd.trainX, sd.trainY)
      np.writeSplit('sval', sd.valX!, sd.valY!)
      searchNp = npBest(
        'search',
        {
          trials: P.searchTrials,
          epochs: P.searchEpochs,
          batch: 100,
          hidden: '100,100,100,100,100,100',
          'train-rows': sd.trainX.rows,
          'val-rows': sd.valX!.rows,
          'train-name': 'strain',
          'val-name': 'sval',
        },
      )
    }

    // ---- 5. memory: four lab-2 trainers at once ------------------------------------------------
    log('memory with four trainers…')
    four = await runLab2(trainer, P.fourIters, 4)
  } finally {
    trainer.cleanup()
    np.cleanup()
  }

  const lt = new Table('End to end (wall time, s)', ['workload', 'engine', 'of which in train()', 'NumPy', 'engine ÷ NumPy'])
  const inTrain = (r: AppRun | null) => (r ? `${Math.round((100 * r.trainS) / r.parallel / r.wallS)}%` : null)
  lt.add([`lab 2: 4 optimizers × ${P.lab2Iters} iterations`, f2(lab2?.wallS), inTrain(lab2), f2(lab2Np?.wallS), f2(ratio(lab2?.wallS, lab2Np?.wallS))])
  lt.add([`random search: ${P.searchTrials} trials × ${P.searchEpochs} epochs`, f2(search?.wallS), inTrain(search), f2(searchNp?.wallS), f2(ratio(search?.wallS, searchNp?.wallS))])
  lt.note('"of which in train()": the runs\' time inside the engine\'s training loop (summed, ÷ the processes running at once) as a share of the wall time; the rest is starting trainer processes, loading data, JIT warm-up and the RunManager/SQLite around them.')
  lt.note(`Engine: createLabApp({ mode: 'test' }) with a temporary database, ${lab2?.parallel ?? '?'} trainer processes at a time, each the bundled src/trainer/main.ts with the WASM SIMD kernels (bench/trainer-entry.ts), metrics stored in SQLite; lab 2 via startLab({ labId: 'optimizers-mnist' }), ${search?.via ?? 'search'}.`)
  const thr = (r: typeof lab2Np) => (r ? `one thread ${f1(r.oneThreadS)} s, default threads ${r.defaultThreadsS === null ? 'stopped at 1.5× that' : `${f1(r.defaultThreadsS)} s`}` : 'not run')
  lt.note(`NumPy: one process, core ${lab2Np?.blas.core ?? '?'}, the faster of one BLAS thread and the default threads (lab 2: ${thr(lab2Np)}; search: ${thr(searchNp)}); lab 2 paired (same initial weights and batches) with loss every iteration and accuracy on the 8,000 train / 2,000 test samples every 500 iterations, as the lab does; the search evaluates train and validation accuracy every epoch, as the book's Trainer and the search lab do.`)
  for (const f of [...(lab2?.failed ?? []), ...(search?.failed ?? []), ...(four?.failed ?? [])]) lt.note(`FAILED: ${f}`)
  tables.push(lt)
  log('inside snapshots…')
  tables.push(insideCostTable(wasmSimd, raw, { quick }))
  log(lt.text())

  const mt = new Table('Resident memory (RSS, MB, peak sampled every 50 ms)', ['what', 'MB', 'target'])
  mt.add(['one lab-2 trainer process', f1(lab2?.memory.peakOneTrainerMB), '< 150'])
  mt.add([`${four?.memory.peakTrainerCount ?? '?'} lab-2 trainers at once (sum)`, f1(four?.memory.peakTrainersMB), ''])
  mt.add([`this bench process + those trainers`, f1((four?.memory.peakTrainersMB ?? 0) + (four?.memory.benchProcessMB ?? 0)), '< 1024 (app + 4 trainers)'])
  mt.note('The bench process holds more than the app would (its own copies of the data, kernels and captured operands), so the last line is an upper bound for the app.')
  tables.push(mt)
  log(mt.text())

  machine.loadAfter = loadavg()[0]
  const busy = Math.max(machine.loadBefore, machine.loadAfter) > machine.cores
  if (busy) {
    log(`note: load average ${machine.loadBefore.toFixed(1)} → ${machine.loadAfter.toFixed(1)} on ${machine.cores} cores: other processes shared the CPU, so absolute times are inflated; multi-threaded NumPy (lab 2, search) suffers most from that.`)
  }
  const ratios = {
    step1T: ratio(stepWasm.cpu.adam, stepNp?.cpu.adam),
    lab2: ratio(lab2?.wallS, lab2Np?.wallS),
    search: ratio(search?.wallS, searchNp?.wallS),
  }
  const verdict = (r: number | null, target: number) => (r === null ? 'not measured' : `${r.toFixed(2)} (target ≤ ${target}: ${r <= target ? 'met' : 'missed'})`)
  log(`ratios (engine ÷ NumPy): step1T ${verdict(ratios.step1T, 1.0)}, lab2 ${verdict(ratios.lab2, 0.8)}, search ${verdict(ratios.search, 0.5)}${quick ? ' — quick run: indicative only' : ''}`)
  machine.numpy = blas1 ? { ...blas1, threads1: blas1.threads } : null

  const result = {
    machine,
    kernels: kernelRows,
    copyOverheadUsPerStep: copyUs - inMemUs,
    msPerStep: { ts: stepTs, wasm: stepWasm, numpy1T: stepNp },
    profile,
    lab2: lab2 && { ...lab2, iterations: P.lab2Iters, numpyS: lab2Np?.wallS ?? null, numpyBlas: lab2Np?.blas ?? null },
    search: search && { ...search, trials: P.searchTrials, epochs: P.searchEpochs, numpyS: searchNp?.wallS ?? null },
    memory: { oneTrainerMB: lab2?.memory.peakOneTrainerMB ?? null, fourTrainersMB: four?.memory.peakTrainersMB ?? null, benchProcessMB: four?.memory.benchProcessMB ?? null },
    ratios,
  }
  if (json) process.stdout.write(JSON.stringify(result) + '\n')
  if (writePath) {
    const md = [
      `## Performance`,
      '',
      `Measured by \`npm run bench\`${quick ? ' -- --quick' : ''} on ${new Date().toISOString().slice(0, 10)}: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, NumPy ${blas1?.numpy ?? '?'} (OpenBLAS ${blas1?.core ?? '?'}); load average ${machine.loadBefore.toFixed(1)} before, ${machine.loadAfter.toFixed(1)} after${busy ? ' (the machine was shared: absolute times inflated)' : ''}. Ratios are engine time ÷ NumPy time in the same run (below 1 is faster): step1T ${f2(ratios.step1T)} (target ≤ 1.0), lab2 ${f2(ratios.lab2)} (≤ 0.8), search ${f2(ratios.search)} (≤ 0.5).`,
      '',
      ...tables.flatMap((t) => [t.markdown(), '']),
      'Reproduce: `npm run bench` (about two minutes; `-- --quick` for a short run, `-- --json` for one JSON object, `-- --write bench/RESULTS.md` to rewrite this file).',
      '',
    ].join('\n')
    writeFileSync(writePath, md)
    log(`wrote ${writePath}`)
  }
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${(err as Error).stack ?? err}\n`)
  process.exit(1)
})
