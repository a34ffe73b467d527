/**
 * Bounds on the work one valid request may ask for: runs per start, runs waiting in the queue, and
 * each run's memory, estimated from its spec and refused above a budget (with both in the message).
 * The budget is configurable: `GRADIENT_LAB_RUN_MEMORY_MB` (default 1536 MB), or LabService's options.
 */
import type { RunSpec } from '../../shared/schemas'

export interface ServiceLimits {
  /** Runs one start may plan (the largest preset, a 2,000-trial search, fits). */
  runsPerStart: number
  /** Runs queued or running at once, across experiments. */
  queuedRuns: number
  /** Estimated memory of one trainer process, in bytes. */
  runMemoryBytes: number
}

const MB = 1024 * 1024

export function defaultServiceLimits(env: NodeJS.ProcessEnv = process.env): ServiceLimits {
  const mb = Number(env.GRADIENT_LAB_RUN_MEMORY_MB)
  return { runsPerStart: 2000, queuedRuns: 5000, runMemoryBytes: (Number.isFinite(mb) && mb > 0 ? mb : 1536) * MB }
}

/** Input and output sizes of the MNIST-shaped data every lab trains on. */
const INPUT = 784
const CLASSES = 10
/** Samples each source may hold (built-in: 10,000; an IDX folder: at most MNIST's 70,000). */
const SOURCE_SAMPLES = { 'builtin-mnist': 10_000, idx: 70_000 } as const
/** A trainer process before it allocates anything: Node, the engine, the WebAssembly kernels. */
const PROCESS_BASE = 100 * MB
/** Rows the network sees at once when it evaluates accuracy (Network.accuracy's chunk). */
const EVAL_CHUNK = 1000

export interface MemoryEstimate {
  total: number
  parts: { parameters: number; optimizer: number; activations: number; data: number; process: number }
}

const OPTIMIZER_SLOTS: Record<RunSpec['optimizer']['kind'], number> = { sgd: 0, momentum: 1, nesterov: 1, adagrad: 1, rmsprop: 1, adam: 2 }

/**
 * A trainer's memory for `spec`, in bytes (float32 everywhere): parameters and their gradients,
 * the optimizer's state per parameter, activations kept for backward (times the batch, or the
 * evaluation chunk when larger), the dataset and its prepared copies, and the process itself.
 * An upper-side estimate: it decides refusals, not allocations.
 */
export function estimateRunMemory(spec: RunSpec): MemoryEstimate {
  const widths = spec.network.hidden.map((b) => b.width)
  const sizes = [INPUT, ...widths, CLASSES]
  let params = 0
  for (let i = 1; i < sizes.length; i++) params += sizes[i - 1]! * sizes[i]! + sizes[i]!
  for (const b of spec.network.hidden) if (b.batchNorm) params += 4 * b.width // γ, β, running mean and variance
  const rows = Math.max(spec.batchSize, EVAL_CHUNK)
  // per hidden block: affine output, activation output and their two gradients; batch norm keeps
  // three more (centred, normalised, output), dropout its mask
  let perRow = INPUT + 3 * CLASSES
  for (const b of spec.network.hidden) perRow += b.width * (4 + (b.batchNorm ? 3 : 0) + (b.dropout > 0 ? 1 : 0))
  const samples = SOURCE_SAMPLES[spec.data.source.kind]
  const parts = {
    parameters: 4 * params * 2,
    optimizer: 4 * params * OPTIMIZER_SLOTS[spec.optimizer.kind],
    activations: 4 * rows * perRow,
    data: 4 * samples * INPUT * 2, // the decoded set and the prepared train/test copies
    process: PROCESS_BASE,
  }
  return { total: Object.values(parts).reduce((a, b) => a + b, 0), parts }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * MB) return `${(n / (1024 * MB)).toFixed(1)} GB`
  return `${Math.max(1, Math.round(n / MB))} MB`
}
