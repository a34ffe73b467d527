/**
 * A lab is defined once here and used by the app, the service and the CLI alike:
 * its parameters (schema with the book's defaults), the CLI keys that set them, and either
 * a plan (the runs a trainer process executes) or an instant computation.
 */
import type { z } from 'zod'
import type { LabId, RunSpec } from '../schemas'

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
}

interface LabBase<S extends z.ZodType<Record<string, unknown>>> {
  id: LabId
  schema: S
  keys: CliKey[]
  /** A short name for History when the user gives none. */
  defaultName(params: z.output<S>): string
}

export interface RunLab<S extends z.ZodType<Record<string, unknown>> = z.ZodType<Record<string, unknown>>> extends LabBase<S> {
  kind: 'runs'
  plan(params: z.output<S>): RunPlan[]
}

export interface InstantLab<S extends z.ZodType<Record<string, unknown>> = z.ZodType<Record<string, unknown>>> extends LabBase<S> {
  kind: 'instant'
  compute(params: z.output<S>): unknown
}

export type LabDefinition = RunLab | InstantLab

/** A CLI preset: a lab with some parameters fixed (e.g. overfit with the weight-decay cure). */
export interface Preset {
  name: string
  labId: LabId
  description: string
  params: Record<string, unknown>
}
