/**
 * A lab form derived from the lab's zod parameter schema: one draft field per schema key, its
 * default the schema's (the book's), validation by the same schema, each issue keyed by its field.
 * `defineSchemaForm` makes it a Pinia store, so what the user typed stays while they visit other
 * pages. A field whose form differs from its parameter (rows with stable keys, the optimizers of a
 * race as toggles, a data set as a choice and a path) gives a codec (see formCodecs.ts); every other
 * field is edited as it is. Checks the schema cannot make (they need what the form knows) add issues
 * of their own. `applyPreset` sets fields from the lab's preset keys (the CLI's `--set key=value`),
 * for a link that opens a lab with some settings.
 */
import { defineStore } from 'pinia'
import { computed, reactive, ref, toRefs, watch, type ComputedRef, type Ref, type ToRefs } from 'vue'
import type { z } from 'zod'
import { LABS, type CliKey } from '../lib/contract'
import { issuesByField, setPresetKeys, type FormIssue, type NumberField } from '../lib/forms'

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
  /** The form's own checks, as issues by field key; any of them makes the form invalid. */
  checks?: (draft: Draft<S, C>, validation: z.ZodSafeParseResult<Params<S>>) => Record<string, FormIssue>
  /** The preset keys `applyPreset` understands (defineSchemaForm: the lab's CLI keys). */
  keys?: CliKey[]
  /** The field a preset key's error is shown under (default: the key itself, e.g. 'iterations'). */
  presetField?: (key: string) => string
}

export interface SchemaFormCore<S extends Shape, C extends Codecs<S>> {
  draft: Draft<S, C>
  params: ComputedRef<Record<string, unknown>>
  validation: ComputedRef<z.ZodSafeParseResult<Params<S>>>
  /** What is wrong, by field key: the last refused preset, the form's own checks, then the schema's. */
  issues: ComputedRef<Record<string, FormIssue>>
  /** The schema accepts the parameters and the form's own checks pass. */
  valid: ComputedRef<boolean>
  /** Loads stored parameters (History's "open in the lab"); anything the schema refuses falls back to the defaults. */
  load(raw: Record<string, unknown>): void
  /** Sets every field from valid parameters. */
  apply(p: Params<S>): void
  /**
   * Sets the fields named by preset keys (`{ iterations: '700', optimizers: 'sgd,adam' }`) over the
   * book's defaults, through the lab's own key parsers and schema. Returns the errors by field key
   * (empty: applied); with any error nothing changes, and the errors stay in `issues` until the
   * next edit or load.
   */
  applyPreset(values: Record<string, string>): Record<string, FormIssue>
}

/** The form's state without a store (for a dialog, a test, or inside defineSchemaForm). */
export function useSchemaForm<S extends Shape, C extends Codecs<S> = Record<never, never>>(
  schema: z.ZodObject<S>,
  opts: SchemaFormOptions<S, C> = {},
): SchemaFormCore<S, C> {
  const codecs = (opts.codecs ?? {}) as Record<string, FieldCodec<unknown, unknown> | undefined>
  const keys = Object.keys(schema.shape)
  const defaults = () => schema.parse({})
  const toDraft = (p: Params<S>) =>
    Object.fromEntries(keys.map((k) => [k, codecs[k] ? codecs[k]!.toDraft((p as Record<string, unknown>)[k]) : structuredClone((p as Record<string, unknown>)[k])])) as Draft<S, C>
  const draft = reactive(toDraft(defaults())) as Draft<S, C>
  const refused: Ref<Record<string, FormIssue>> = ref({})

  function apply(p: Params<S>): void {
    Object.assign(draft, toDraft(p))
    refused.value = {}
  }
  function load(raw: Record<string, unknown>): void {
    const parsed = schema.safeParse(raw)
    apply(parsed.success ? parsed.data : defaults())
  }

  const params = computed(() => {
    const out: Record<string, unknown> = {}
    for (const k of keys) {
      const v = (draft as Record<string, unknown>)[k]
      const p = codecs[k] ? codecs[k]!.toParam(v) : v
      // An empty optional field (e.g. "all samples") is left out; an emptied field with a default is
      // not (it is refused, rather than silently run with the default).
      if (!(p === '' && (schema.shape[k] as unknown as { def: { type: string } }).def.type === 'optional')) out[k] = p
    }
    return out
  })
  // A refused preset's errors stay until the user edits a field.
  watch(params, () => (refused.value = {}), { deep: true })
  const validation = computed(() => schema.safeParse(params.value))
  const keyOf = (path: PropertyKey[]) => (opts.issueKey ? opts.issueKey(path, draft) : path.map(String).join('.'))
  const own = computed(() => opts.checks?.(draft, validation.value) ?? {})
  const issues = computed(() => ({ ...issuesByField(validation.value, keyOf), ...own.value, ...refused.value }))
  const valid = computed(() => validation.value.success && Object.keys(own.value).length === 0)

  function applyPreset(values: Record<string, string>): Record<string, FormIssue> {
    const fieldOf = opts.presetField ?? ((key: string) => key)
    const result = setPresetKeys(opts.keys ?? [], structuredClone(defaults()) as Record<string, unknown>, values, fieldOf)
    let errors = result.errors
    if (Object.keys(errors).length === 0) {
      const parsed = schema.safeParse(result.params)
      if (parsed.success) apply(parsed.data)
      else errors = issuesByField(parsed, keyOf)
    }
    refused.value = errors
    return errors
  }

  return { draft, params, validation, issues, valid, load, apply, applyPreset }
}

/** The preset keys of lab `id` (its CLI keys), or none for a form that is not a lab's. */
function labKeys(id: string): CliKey[] {
  return LABS.find((l) => l.id === id)?.keys ?? []
}

/**
 * The form of lab `id` as a store: every field (store.lambda, store.hidden…), params, validation,
 * issues, valid, load, applyPreset and reset, plus what `extend` adds (actions on the draft, derived values).
 */
export function defineSchemaForm<S extends Shape, C extends Codecs<S> = Record<never, never>, X extends object = Record<never, never>>(
  id: string,
  schema: z.ZodObject<S>,
  opts: SchemaFormOptions<S, C> & { extend?: (form: SchemaFormCore<S, C>) => X } = {},
) {
  return defineStore(`form:${id}`, () => {
    const form = useSchemaForm(schema, { keys: labKeys(id), ...opts })
    const extra = opts.extend?.(form) ?? ({} as X)
    const reset = () => form.apply(opts.defaults ? opts.defaults(form.draft) : schema.parse({}))
    return {
      ...(toRefs(form.draft) as ToRefs<Draft<S, C>>),
      params: form.params,
      validation: form.validation,
      issues: form.issues,
      valid: form.valid,
      load: form.load,
      applyPreset: form.applyPreset,
      reset,
      ...extra,
    }
  })
}

/** Rows with a stable key each (for v-for, and for keeping focus on a moved row). */
export type Keyed<T> = T & { key: number }
let nextRowKey = 1

/** A list parameter edited as keyed rows; `toRow`/`fromRow` convert one item. */
export function keyedRows<P, R extends object>(toRow: (item: P) => R, fromRow: (row: R) => unknown): FieldCodec<P[], Keyed<R>[]> {
  return {
    toDraft: (items) => items.map((item) => ({ ...toRow(structuredClone(item)), key: nextRowKey++ })),
    toParam: (rows) => rows.map(({ key: _key, ...row }) => fromRow(row as unknown as R)),
  }
}

/** Add (a copy of the last row, or `first`), remove and move (−1 = up) for keyed rows. */
export function rowActions<R extends object>(rows: () => Keyed<R>[], first: () => R) {
  return {
    add(): void {
      const last = rows().at(-1)
      const { key: _key, ...copy } = last ?? { ...first(), key: 0 }
      rows().push({ ...(structuredClone(copy) as unknown as R), key: nextRowKey++ })
    },
    remove: (index: number) => void rows().splice(index, 1),
    /** Moves row `index` by `delta` places; does nothing past either end. */
    move(index: number, delta: number): boolean {
      const list = rows()
      const to = index + delta
      if (index < 0 || index >= list.length || to < 0 || to >= list.length) return false
      list.splice(to, 0, list.splice(index, 1)[0]!)
      return true
    },
  }
}

/** The hidden widths as rows with stable keys, added and removed one by one. */
export type HiddenRow = Keyed<{ width: NumberField }>
export const hiddenRows = keyedRows<number, { width: NumberField }>((width) => ({ width }), (r) => r.width)

/** addLayer (a copy of the last width) and removeLayer for a form with hiddenRows. */
export function hiddenRowActions(rows: () => HiddenRow[]) {
  const a = rowActions(rows, () => ({ width: 100 }))
  return { addLayer: a.add, removeLayer: a.remove }
}
