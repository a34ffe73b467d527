/**
 * A lab is defined once, in src/labs/<lab-id>/lab.ts, and used by the app, the service and the CLI
 * alike: its parameters (schema with the book's defaults), the CLI keys that set them, its presets,
 * and either a plan (the runs a trainer process executes) or an instant computation.
 */
import type { z } from 'zod'
import type { RunSpec } from '../shared/schemas'
import type { LabId } from './registry'

export interface RunPlan {
  label: string
  meta: Record<string, unknown>
  spec: RunSpec
}

/** Sets one parameter from a CLI `--set key=value`; throws an Error naming the key on bad input. */
export type KeySetter = (params: Record<string, unknown>, value: string, key: string) => void

export interface CliKey {
  /** 'iterations', or a pattern with one '*' such as 'lr.*'. */
  key: string
  help: string
  set: KeySetter
  /**
   * The `key=value` pairs that set what this key sets, read back from parameters (a lesson link
   * writes them); a key that cannot say the current value (e.g. blocks with mixed activations)
   * returns none, and the link says which setting it leaves out.
   */
  show?: (params: Record<string, unknown>) => [string, string][]
}

/** Which part of the lesson a lab belongs to (a `terms.*` message key of the app). */
export type LessonTerm = 'parameterUpdate' | 'initialWeights' | 'batchNorm' | 'overfitting' | 'hyperparameter'

/** A CLI preset of one lab, before the registry adds the lab id. */
export interface PresetDefinition {
  name: string
  description: string
  params: Record<string, unknown>
}

interface LabBase<S extends z.ZodType<Record<string, unknown>>, Id extends string> {
  /** The lab's only name: route /labs/<id>, folder src/labs/<id>/, message key, CLI preset. */
  id: Id
  term: LessonTerm
  schema: S
  keys: CliKey[]
  /** The CLI presets; each lab has at least the one named like the lab with the book's defaults. */
  presets: PresetDefinition[]
  /** A short name for History when the user gives none. */
  defaultName(params: z.output<S>): string
}

export interface RunLab<S extends z.ZodType<Record<string, unknown>> = z.ZodType<Record<string, unknown>>, Id extends string = string> extends LabBase<S, Id> {
  kind: 'runs'
  plan(params: z.output<S>): RunPlan[]
}

export interface InstantLab<S extends z.ZodType<Record<string, unknown>> = z.ZodType<Record<string, unknown>>, Id extends string = string> extends LabBase<S, Id> {
  kind: 'instant'
  compute(params: z.output<S>): unknown
}

export type LabDefinition = (RunLab | InstantLab) & { id: LabId }

/** A CLI preset: a lab with some parameters fixed (e.g. overfit with the weight-decay cure). */
export interface Preset extends PresetDefinition {
  labId: LabId
}
