/**
 * A lab form derived from the lab's zod parameter schema: one draft field per schema key, its
 * default the schema's (the book's), validation by the same schema, each issue keyed by its field.
 * `defineSchemaForm` makes it a Pinia store, so what the user typed stays while they visit other
 * pages. A field whose form differs from its parameter (the hidden widths as keyed rows, the
 * optimizers of a race as toggles) gives a codec; every other field is edited as it is.
 */
import { defineStore } from 'pinia'
import { computed, reactive, toRefs, type ComputedRef, type ToRefs } from 'vue'
import type { z } from 'zod'
import { issuesByField, type FormIssue, type NumberField } from '../lib/forms'

/** How one field goes from its parameter value to what the form edits, and back. */
export interface FieldCodec<P, D> {
  toDraft(value: P): D
  toParam(draft: D): unknown
}

type Shape = Record<string, z.ZodType>
type Params<S extends Shape> = z.output<z.ZodObject<S>>
/** What a number becomes in a form: '' while the input is empty. */
type Editable<T> = T extends number ? NumberField : T
type Codecs<S extends Shape> = { [K in keyof Params<S>]?: FieldCodec<Params<S>[K], any> }
export type Draft<S extends Shape, C extends Codecs<S>> = {
  -readonly [K in keyof Params<S>]-?: C[K] extends FieldCodec<any, infer D> ? D : Editable<Params<S>[K]>
}

export interface SchemaFormOptions<S extends Shape, C extends Codecs<S>> {
  codecs?: C
  /** The parameters `reset` returns to (default: the schema's defaults, which a form also starts from). */
  defaults?: (current: Draft<S, C>) => Params<S>
  /** Renames an issue's path to the field key the form shows it under (default: the path joined with dots). */
  issueKey?: (path: PropertyKey[], draft: Draft<S, C>) => string
}

export interface SchemaFormCore<S extends Shape, C extends Codecs<S>> {
  draft: Draft<S, C>
  params: ComputedRef<Record<string, unknown>>
  validation: ComputedRef<z.ZodSafeParseResult<Params<S>>>
  issues: ComputedRef<Record<string, FormIssue>>
  /** Loads stored parameters; anything the schema refuses falls back to the defaults. */
  load(raw: Record<string, unknown>): void
  /** Sets every field from valid parameters. */
  apply(p: Params<S>): void
}

/** The form's state without a store (for a dialog, or inside defineSchemaForm). */
export function useSchemaForm<S extends Shape, C extends Codecs<S> = Record<never, never>>(
  schema: z.ZodObject<S>,
  opts: SchemaFormOptions<S, C> = {},
): SchemaFormCore<S, C> {
  const codecs = (opts.codecs ?? {}) as Record<string, FieldCodec<unknown, unknown> | undefined>
  const keys = Object.keys(schema.shape)
  const toDraft = (p: Params<S>) =>
    Object.fromEntries(keys.map((k) => [k, codecs[k] ? codecs[k]!.toDraft((p as Record<string, unknown>)[k]) : structuredClone((p as Record<string, unknown>)[k])])) as Draft<S, C>
  const draft = reactive(toDraft(schema.parse({}))) as Draft<S, C>

  function apply(p: Params<S>): void {
    Object.assign(draft, toDraft(p))
  }
  function load(raw: Record<string, unknown>): void {
    const parsed = schema.safeParse(raw)
    apply(parsed.success ? parsed.data : schema.parse({}))
  }
  load({})

  const params = computed(() => {
    const out: Record<string, unknown> = {}
    for (const k of keys) {
      const v = (draft as Record<string, unknown>)[k]
      const p = codecs[k] ? codecs[k]!.toParam(v) : v
      // An empty optional field (e.g. "all samples") is left out, so the schema's default applies.
      if (!(p === '' && schema.shape[k]!.safeParse(undefined).success)) out[k] = p
    }
    return out
  })
  const validation = computed(() => schema.safeParse(params.value))
  const issues = computed(() => issuesByField(validation.value, opts.issueKey ? (path) => opts.issueKey!(path, draft) : undefined))
  return { draft, params, validation, issues, load, apply }
}

/**
 * The form of lab `id` as a store: every field (store.lambda, store.hidden…), params, validation,
 * issues, load and reset, plus what `extend` adds (actions on the draft, derived values).
 */
export function defineSchemaForm<S extends Shape, C extends Codecs<S> = Record<never, never>, X extends object = Record<never, never>>(
  id: string,
  schema: z.ZodObject<S>,
  opts: SchemaFormOptions<S, C> & { extend?: (form: SchemaFormCore<S, C>) => X } = {},
) {
  return defineStore(`form:${id}`, () => {
    const form = useSchemaForm(schema, opts)
    const extra = opts.extend?.(form) ?? ({} as X)
    const reset = () => form.apply(opts.defaults ? opts.defaults(form.draft) : schema.parse({}))
    return {
      ...(toRefs(form.draft) as ToRefs<Draft<S, C>>),
      params: form.params,
      validation: form.validation,
      issues: form.issues,
      load: form.load,
      reset,
      ...extra,
    }
  })
}

/** The hidden widths as rows with stable keys (for v-for), added and removed one by one. */
export interface HiddenRow {
  key: number
  width: NumberField
}
let nextRowKey = 1
export const hiddenRows: FieldCodec<number[], HiddenRow[]> = {
  toDraft: (widths) => widths.map((width) => ({ key: nextRowKey++, width })),
  toParam: (rows) => rows.map((r) => r.width),
}

/** addLayer (a copy of the last width) and removeLayer for a form with hiddenRows. */
export function hiddenRowActions(rows: () => HiddenRow[]) {
  return {
    addLayer: () => void rows().push({ key: nextRowKey++, width: rows().at(-1)?.width ?? 100 }),
    removeLayer: (index: number) => void rows().splice(index, 1),
  }
}
