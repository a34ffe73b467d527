/**
 * What a lab's ui/index.ts exports: its page, its result view for an opened experiment (the generic
 * one if absent) and its form, which History's "open in the lab with these settings" loads.
 */
import type { Component } from 'vue'

export interface LoadableForm {
  load(params: Record<string, unknown>): void
}

export interface LabUi {
  page: () => Promise<Component | { default: Component }>
  results?: () => Promise<Component | { default: Component }>
  form: () => LoadableForm
}

export function defineLabUi(ui: LabUi): LabUi {
  return ui
}
