/**
 * What a lab's ui/index.ts exports: its form, which History's "open in the lab with these settings"
 * loads, its result view for an opened experiment (the generic one if absent), and either its own
 * page or, for a lab of trained runs, what the shared RunLabPage needs: the settings component and
 * the experiment's name in the user's language.
 */
import type { Component } from 'vue'
import type { FormIssue } from '../lib/forms'

type Lazy = () => Promise<Component | { default: Component }>
type Translate = (key: string, named?: Record<string, unknown>) => string

interface LoadableForm {
  load(params: Record<string, unknown>): void
  /** Sets fields from preset keys over the book's defaults; the errors by field key (see useSchemaForm). */
  applyPreset(values: Record<string, string>): Record<string, FormIssue>
}

interface RunPageUi {
  /** The settings form: props { busy, startError }, emits 'run'. */
  settings: Lazy
  /** The new experiment's name from its validated parameters. */
  name(params: never, t: Translate): string
  settingsWidth?: number
  /** Whether the run bar offers Pause / Resume (stopped runs can be queued again) besides Cancel. */
  pausable?: boolean
  /** A message key for the empty results panel (default: the generic one). */
  emptyText?: string
}

export interface LabUi {
  form: () => LoadableForm
  results?: Lazy
  /** The lab's own page; without it, RunLabPage with `run`. */
  page?: Lazy
  run?: RunPageUi
}

export function defineLabUi<P>(ui: Omit<LabUi, 'run'> & { run?: Omit<RunPageUi, 'name'> & { name(params: P, t: Translate): string } }): LabUi {
  return ui as LabUi
}
