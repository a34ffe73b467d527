/**
 * `npm run bench [-- --quick] [-- --json] [-- --write bench/RESULTS.md]`
 *
 * The engine against the project's own NumPy baseline (bench/numpy_baseline.py: the book's
 * MultiLayerNet and optimizers in float64), measured in the same run on the same data:
 *   1. kernel GFLOPS at the MLP's shapes: TypeScript, WebAssembly SIMD (and relaxed SIMD), NumPy;
 *   2. ms per training step (784-100×4-10, batch 128) per optimizer: TypeScript, WebAssembly,
 *      NumPy with one BLAS thread; and where a WebAssembly step's time goes;
 *   3. lab 2 (4 optimizers × 2000 iterations, paired) through the real RunManager and trainer
 *      processes, against NumPy doing the same 4 × 2000 steps;
 *   4. the random search (100 trials × 50 epochs, 6×100, 400 training samples, batch 100);
 *      3 and 4 as alternating pairs (engine, NumPy, engine, NumPy, …: 3 pairs, 2 with --quick),
 *      reported as the median of the pair ratios with min and max;
 *   5. resident memory of the trainer processes (one lab-2 trainer, four at once);
 *   6. latency: Run pressed → first metric event at a client (cold and warm), and the pool's reuse.
 *   7. what the Inside panel's snapshots add to a run's training time (bench/inside.ts).
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
import { measureLatency, type Latency } from './latency'
import { alternate, type PairSummary, type Timed } from './pairs'
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
  ? { kernelMs: 120, stepMs: 400, tsStepMs: 300, npIters: 40, lab2Iters: 200, searchTrials: 6, searchEpochs: 5, fourIters: 150, profileSteps: 100, pairs: 2, latencyRuns: 3 }
  : { kernelMs: 500, stepMs: 2000, tsStepMs: 1200, npIters: 200, lab2Iters: 2000, searchTrials: 100, searchEpochs: 50, fourIters: 600, profileSteps: 500, pairs: 3, latencyRuns: 7 }

/** Issue 13's targets (engine ÷ NumPy). */
const TARGETS = { step1T: 0.45, lab2: 0.25, search: 0.3 }

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
  const loadKernels = loadavg()[0]
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
  kt.note(`Load average ${loadKernels.toFixed(1)} → ${loadavg()[0].toFixed(1)} while measured.`)
  kt.note(`NumPy: np.dot, one OpenBLAS thread (${npMissing ? 'not available' : 'see the core below'}).`)
  tables.push(kt)
  log(kt.text())

  // ---- 2. steps ------------------------------------------------------------------------------
  log('training steps…')
  const loadSteps = loadavg()[0]
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
  st.note(`Load average ${loadSteps.toFixed(1)} → ${loadavg()[0].toFixed(1)} while measured.`)
  if (blas1) st.note(`NumPy ${blas1.numpy}, OpenBLAS core ${blas1.core ?? 'unknown'} (OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE unset for it), ${blas1.threads ?? '?'} thread(s).`)
  tables.push(st)
  log(st.text())

  const profile: StepProfile = profileStep(wasmSimd, wasmData, 'adam', P.profileSteps)
  const pt = new Table(`Where a WASM step goes (Adam; ${f2(profile.totalMs)} ms per step while profiled)`, ['part', 'ms/step', 'share'])
  const km = profile.kernelMs
  const matmuls = (km.matmul ?? 0) + (km.matmulTN ?? 0) + (km.matmulNT ?? 0)
  const biasSums = (km.addBias ?? 0) + (km.colSums ?? 0)
  const elemKernels = (km.relu ?? 0) + (km.reluBackward ?? 0)
  const softmaxKernels = (km.softmaxLoss ?? 0) + (km.softmaxBackward ?? 0)
  const optKernels = (km.axpy ?? 0) + (km.momentum ?? 0) + (km.nesterov ?? 0) + (km.adagrad ?? 0) + (km.rmsprop ?? 0) + (km.adam ?? 0) + (km.sumSquares ?? 0)
  const fb = profile.parts.forward + profile.parts.backward
  const rows: [string, number][] = [
    ['batch: sample + gather 128 rows', profile.parts.batch],
    ['matrix products (WASM, incl. operand copies)', matmuls],
    ['addBias + colSums', biasSums],
    ['ReLU forward/backward in kernels', elemKernels],
    ['softmax + cross-entropy forward/backward in kernels', softmaxKernels],
    ['rest of forward/backward in JS (layer glue, label checks)', fb - matmuls - biasSums - elemKernels - softmaxKernels],
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
  let lab2 = null as AppRun | null
  let lab2Pairs: PairSummary | null = null
  let search = null as (AppRun & { via: string }) | null
  let searchPairs: PairSummary | null = null
  const npThreads: Record<string, string> = {}
  let npCore: string | null = null
  /**
   * The NumPy side of pair i: the first pair runs one BLAS thread and the default threads and
   * keeps the faster (multi-threaded OpenBLAS collapses on an oversubscribed machine); later
   * pairs run the count that won.
   */
  const npSide = (mode: string, a: Record<string, string | number | boolean>) => {
    let threads: number | null = 1
    const side = (r: { wallS: number; cpuS?: number }): Timed => ({ wallS: r.wallS, cpuS: r.cpuS ?? null })
    return (i: number): Timed | null => {
      if (npMissing) return null
      if (i === 0) {
        const r = np.bestThreads<{ wallS: number; cpuS?: number }>(mode, a)
        threads = r.best.wallS === r.oneThreadS ? 1 : null
        npCore = r.best.blas.core
        npThreads[mode] = `one thread ${f1(r.oneThreadS)} s, default threads ${r.defaultThreadsS === null ? 'stopped at 1.5× that' : `${f1(r.defaultThreadsS)} s`}; ${threads === 1 ? 'one thread' : 'default threads'} for every pair`
        return side(r.best)
      }
      return side(np.run<{ wallS: number; cpuS?: number }>(mode, a, threads))
    }
  }
  const engineSide = (r: AppRun): Timed => ({ wallS: r.wallS, cpuS: r.cpuS })
  let four = null as AppRun | null
  let latency = null as Latency | null
  let latencyLoad = 0
  try {
    lab2Pairs = await alternate(
      P.pairs,
      async () => engineSide((lab2 = await runLab2(trainer, P.lab2Iters))),
      npSide('lab2', { iters: P.lab2Iters, 'eval-every': 500 }),
      log,
    )

    // ---- 4. random search ----------------------------------------------------------------------
    log('random search…')
    const spec = searchSpecs(1, 1)[0]
    const sd = prepareData(raw, spec.data, new Rng(1).derive('data'))
    if (!npMissing) {
      np.writeSplit('strain', sd.trainX, sd.trainY)
      np.writeSplit('sval', sd.valX!, sd.valY!)
    }
    searchPairs = await alternate(
      P.pairs,
      async () => engineSide((search = await runSearch(trainer, P.searchTrials, P.searchEpochs))),
      npSide('search', {
        trials: P.searchTrials,
        epochs: P.searchEpochs,
        batch: 100,
        hidden: '100,100,100,100,100,100',
        'train-rows': sd.trainX.rows,
        'val-rows': sd.valX!.rows,
        'train-name': 'strain',
        'val-name': 'sval',
      }),
      log,
    )

    // ---- 5. memory: four lab-2 trainers at once ------------------------------------------------
    log('memory with four trainers…')
    four = await runLab2(trainer, P.fourIters, 4)

    // ---- 6. latency: Run pressed → first metric event at a client ------------------------------
    log('latency of the first point…')
    latencyLoad = loadavg()[0]
    latency = await measureLatency(trainer, P.latencyRuns)
  } finally {
    trainer.cleanup()
    np.cleanup()
  }

  const lt = new Table('End to end (wall time, s; alternating pairs engine, NumPy)', [
    'workload', 'pairs', 'engine (median)', 'of which in train()', 'NumPy (median)', 'engine ÷ NumPy (median of pairs)', 'min–max', 'CPU s: engine, NumPy', 'CPU ratio (min–max)', 'load',
  ])
  const inTrain = (r: AppRun | null) => (r ? `${Math.round((100 * r.trainS) / r.parallel / r.wallS)}%` : null)
  const range = (lo: number | null, hi: number | null) => (lo === null || hi === null ? '' : ` (${f2(lo)}–${f2(hi)})`)
  const pairRow = (name: string, r: AppRun | null, p: PairSummary | null) =>
    lt.add([
      name, p ? String(p.pairs.length) : '0', f2(p?.engineS ?? r?.wallS), inTrain(r), f2(p?.numpyS), f2(p?.ratio), p ? `${f2(p.ratioMin)}–${f2(p.ratioMax)}` : null,
      p && p.engineCpuS !== null && p.numpyCpuS !== null ? `${f1(p.engineCpuS)}, ${f1(p.numpyCpuS)}` : null,
      p && p.cpuRatio !== null ? `${f2(p.cpuRatio)}${range(p.cpuRatioMin, p.cpuRatioMax)}` : null,
      p ? `${f1(p.loadMin)}–${f1(p.loadMax)}` : null,
    ])
  pairRow(`lab 2: 4 optimizers × ${P.lab2Iters} iterations`, lab2, lab2Pairs)
  pairRow(`random search: ${P.searchTrials} trials × ${P.searchEpochs} epochs`, search, searchPairs)
  lt.note('Each pair times the engine, then NumPy, back to back; the ratio is the median of the pair ratios (min and max beside it), so a drift of the machine\'s load between pairs moves both sides of a pair alike. Load: the 1-minute load average before each side, lowest and highest.')
  lt.note('CPU: user + system seconds of every process of a side (the engine: its trainer processes, read from /proc, and the app process; NumPy: its process). The scheduler here shares the CPU between sessions (Linux autogroups), not processes: under other sessions\' load the engine\'s two trainers together get about what NumPy\'s single process gets, so the wall ratio then follows the CPU ratio; on an idle machine it is about half of it (two trainers on two cores).')
  lt.note('"of which in train()": the runs\' time inside the engine\'s training loop (summed, ÷ the trainers running at once) as a share of the wall time (last pair); the rest is starting or handing over trainers, loading data, JIT warm-up and the RunManager/SQLite around them.')
  lt.note('Engine side timed with its trainers warm: a fresh app runs a short run of the same lab first, untimed (lab 2 for 2 iterations; 2 search trials of 1 epoch), so the trainers are started, their kernels compiled and the data prepared, as in the app, whose pool starts with it; the NumPy side is timed after its data is loaded. Until 2026-12-01 the engine side included starting its two trainers (about 1–3 s on this machine), which weighed most in the quick run. A first run after the app starts is in the latency table.')
  lt.note(`Engine: createLabApp({ mode: 'test' }) with a temporary database, ${lab2?.parallel ?? '?'} trainers at a time, each the bundled src/trainer/main.ts with the WASM SIMD kernels (bench/trainer-entry.ts), metrics stored in SQLite; lab 2 via startLab({ labId: 'optimizers-mnist' }), ${search?.via ?? 'search'}.`)
  lt.note(`NumPy: one process, core ${npCore ?? '?'} (lab 2: ${npThreads.lab2 ?? 'not run'}; search: ${npThreads.search ?? 'not run'}); lab 2 paired (same initial weights and batches) with loss every iteration and accuracy on the 8,000 train / 2,000 test samples every 500 iterations, as the lab does; the search evaluates train and validation accuracy every epoch, as the book's Trainer and the search lab do.`)
  for (const f of [...(lab2?.failed ?? []), ...(search?.failed ?? []), ...(four?.failed ?? [])]) lt.note(`FAILED: ${f}`)
  tables.push(lt)
  log('inside snapshots…')
  tables.push(insideCostTable(wasmSimd, raw, { quick }))
  log(lt.text())

  const mt = new Table('Resident memory (RSS, MB, peak sampled every 50 ms)', ['what', 'MB', 'target'])
  mt.add(['one lab-2 trainer process', f1(lab2?.memory.peakOneTrainerMB), '< 150'])
  mt.add([`one search trainer (warm, ${search ? Math.round(search.runs / Math.max(1, search.pool.started)) : '?'} runs each)`, f1(search?.memory.peakOneTrainerMB), '< 150'])
  mt.add([`${four?.memory.peakTrainerCount ?? '?'} lab-2 trainers at once (sum)`, f1(four?.memory.peakTrainersMB), ''])
  mt.add([`this bench process + those trainers`, f1((four?.memory.peakTrainersMB ?? 0) + (four?.memory.benchProcessMB ?? 0)), '< 1024 (app + 4 trainers)'])
  mt.note('The bench process holds more than the app would (its own copies of the data, kernels and captured operands), so the last line is an upper bound for the app.')
  tables.push(mt)
  log(mt.text())

  const pt2 = new Table('The warm trainer pool and the first point', ['what', 'value', 'target'])
  pt2.add(['first point, app warm (Run pressed → first metric event at an SSE client), median ms', f1(latency?.firstPointMs), '≤ 300'])
  pt2.add(['first point, first run after the app started, ms', f1(latency?.coldFirstPointMs), ''])
  pt2.add([`search: trainers started for ${search?.runs ?? '?'} trials (+ 2 warm-up) / runs that reused a warm trainer`, search ? `${search.pool.started} / ${search.pool.reused}` : null, ''])
  pt2.add([`lab 2: trainers started for ${lab2?.runs ?? '?'} runs (+ 4 warm-up) / reused`, lab2 ? `${lab2.pool.started} / ${lab2.pool.reused}` : null, ''])
  pt2.note(`Latency: the app (createLabApp with its trainers started at once, as Electron and browser mode do) behind the real HTTP server; a client listens on /api/events and presses Run with POST /api/startLab (lab 2, 30 iterations, so each run ends and leaves its trainer warm); ${P.latencyRuns} warm runs (${latency ? latency.warmFirstPointsMs.map((x) => x.toFixed(0)).join(', ') : '–'} ms). Load average ${latencyLoad.toFixed(1)} when it started.`)
  tables.push(pt2)
  log(pt2.text())

  machine.loadAfter = loadavg()[0]
  const busy = Math.max(machine.loadBefore, machine.loadAfter) > machine.cores
  if (busy) {
    log(`note: load average ${machine.loadBefore.toFixed(1)} → ${machine.loadAfter.toFixed(1)} on ${machine.cores} cores: other processes shared the CPU, so absolute times are inflated; multi-threaded NumPy (lab 2, search) suffers most from that.`)
  }
  const ratios = {
    step1T: ratio(stepWasm.cpu.adam, stepNp?.cpu.adam),
    lab2: lab2Pairs?.ratio ?? null,
    search: searchPairs?.ratio ?? null,
    /** CPU seconds engine ÷ NumPy (median of the pairs): what the load moves least. */
    lab2Cpu: lab2Pairs?.cpuRatio ?? null,
    searchCpu: searchPairs?.cpuRatio ?? null,
  }
  const verdict = (r: number | null, target: number) => (r === null ? 'not measured' : `${r.toFixed(2)} (target ≤ ${target}: ${r <= target ? 'met' : 'missed'})`)
  if (latency) log(`latency: first point ${latency.firstPointMs.toFixed(0)} ms warm (target ≤ 300: ${latency.firstPointMs <= 300 ? 'met' : 'missed'}), ${latency.coldFirstPointMs.toFixed(0)} ms cold`)
  log(`ratios (engine ÷ NumPy): step1T ${verdict(ratios.step1T, TARGETS.step1T)}, lab2 ${verdict(ratios.lab2, TARGETS.lab2)}, search ${verdict(ratios.search, TARGETS.search)}; CPU ratios lab2 ${f2(ratios.lab2Cpu)}, search ${f2(ratios.searchCpu)}${quick ? ' — quick run: indicative only' : ''}`)
  machine.numpy = blas1 ? { ...blas1, threads1: blas1.threads } : null

  const result = {
    machine,
    kernels: kernelRows,
    copyOverheadUsPerStep: copyUs - inMemUs,
    msPerStep: { ts: stepTs, wasm: stepWasm, numpy1T: stepNp },
    profile,
    lab2: lab2 && { ...lab2, iterations: P.lab2Iters, numpyS: lab2Pairs?.numpyS ?? null, pairs: lab2Pairs },
    search: search && { ...search, trials: P.searchTrials, epochs: P.searchEpochs, numpyS: searchPairs?.numpyS ?? null, pairs: searchPairs },
    latency: latency && { firstPointMs: latency.firstPointMs, coldFirstPointMs: latency.coldFirstPointMs, warmFirstPointsMs: latency.warmFirstPointsMs, load: latencyLoad },
    pool: { search: search?.pool ?? null, lab2: lab2?.pool ?? null, latency: latency?.pool ?? null, reused: search?.pool.reused ?? null },
    memory: { oneTrainerMB: lab2?.memory.peakOneTrainerMB ?? null, oneSearchTrainerMB: search?.memory.peakOneTrainerMB ?? null, fourTrainersMB: four?.memory.peakTrainersMB ?? null, benchProcessMB: four?.memory.benchProcessMB ?? null },
    loads: { kernels: loadKernels, steps: loadSteps, lab2: lab2Pairs && [lab2Pairs.loadMin, lab2Pairs.loadMax], search: searchPairs && [searchPairs.loadMin, searchPairs.loadMax] },
    ratios,
  }
  if (json) process.stdout.write(JSON.stringify(result) + '\n')
  if (writePath) {
    const md = [
      `## Performance`,
      '',
      `Measured by \`npm run bench\`${quick ? ' -- --quick' : ''} on ${new Date().toISOString().slice(0, 10)}: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, NumPy ${blas1?.numpy ?? '?'} (OpenBLAS ${blas1?.core ?? '?'}); load average ${machine.loadBefore.toFixed(1)} before, ${machine.loadAfter.toFixed(1)} after${busy ? ' (the machine was shared: absolute times inflated)' : ''}. Ratios are engine time ÷ NumPy time in the same run (below 1 is faster): step1T ${f2(ratios.step1T)} (target ≤ ${TARGETS.step1T}), lab2 ${f2(ratios.lab2)} (≤ ${TARGETS.lab2}), search ${f2(ratios.search)} (≤ ${TARGETS.search}); in CPU seconds, lab2 ${f2(ratios.lab2Cpu)} and search ${f2(ratios.searchCpu)} (see the end-to-end table); the 1-minute load average is given beside each measurement.`,
      '',
      ...tables.flatMap((t) => [t.markdown(), '']),
      'Reproduce: `npm run bench` (about 13 minutes on this 2-core machine when it is quiet; `-- --quick` for a short run, `-- --json` for one JSON object, `-- --write bench/RESULTS.md` to rewrite this file).',
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
