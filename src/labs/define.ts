/**
 * A lab's definition with its id written once: the id, its part of the lesson and its schema come
 * first, the type parameters are inferred from them, and `book` describes the CLI preset named
 * like the lab, with the book's defaults (a lab may add more presets, or have only others).
 */
import type { z } from 'zod'
import type { InstantLab, LessonTerm, PresetDefinition, RunLab } from './types'

type Params = z.ZodType<Record<string, unknown>>
type Parts<L> = Omit<L, 'id' | 'term' | 'schema' | 'kind' | 'presets'> & { book?: string; presets?: PresetDefinition[] }

function presetsOf(id: string, parts: { book?: string; presets?: PresetDefinition[] }): PresetDefinition[] {
  const presets = [...(parts.book === undefined ? [] : [{ name: id, description: parts.book, params: {} }]), ...(parts.presets ?? [])]
  if (presets.length === 0) throw new Error(`lab ${id}: a lab needs at least one preset (book or presets)`)
  return presets
}

/** A lab that plans runs for the trainers. */
export function runLab<S extends Params, Id extends string>(id: Id, term: LessonTerm, schema: S, parts: Parts<RunLab<S, Id>>): RunLab<S, Id> {
  const { book: _book, presets: _presets, ...rest } = parts
  return { id, term, schema, kind: 'runs', presets: presetsOf(id, parts), ...rest }
}

/** A lab computed at once, in the page and again by the service when saved. */
export function instantLab<S extends Params, Id extends string>(id: Id, term: LessonTerm, schema: S, parts: Parts<InstantLab<S, Id>>): InstantLab<S, Id> {
  const { book: _book, presets: _presets, ...rest } = parts
  return { id, term, schema, kind: 'instant', presets: presetsOf(id, parts), ...rest }
}
