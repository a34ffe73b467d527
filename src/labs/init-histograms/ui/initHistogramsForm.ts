/**
 * Lab 3's form, derived from its parameter schema: which initial weights and activations make the
 * grid (as checkboxes), and the sizes of the book's experiment.
 */
import { defineSchemaForm, type FieldCodec } from '@renderer/composables/useSchemaForm'
import { InitHistogramsParamsSchema, initLabel, type Activation, type InitSpec } from '@renderer/lib/contract'

export const HISTOGRAM_ACTIVATIONS: readonly Activation[] = ['sigmoid', 'relu', 'tanh']
const BOOK_INITS = InitHistogramsParamsSchema.parse({}).inits

/** The book's inits plus zero, and any other init a loaded experiment used, each with its checkbox. */
const initChecks: FieldCodec<InitSpec[], { spec: InitSpec; on: boolean }[]> = {
  toDraft: (inits) => {
    const chosen = new Set(inits.map(initLabel))
    const all = [...BOOK_INITS, ...inits.filter((i) => !BOOK_INITS.some((d) => initLabel(d) === initLabel(i)))]
    return all.map((spec) => ({ spec: structuredClone(spec), on: chosen.has(initLabel(spec)) }))
  },
  toParam: (checks) => checks.filter((i) => i.on).map((i) => i.spec),
}

const activationChecks: FieldCodec<Activation[], Record<Activation, boolean>> = {
  toDraft: (list) => Object.fromEntries(HISTOGRAM_ACTIVATIONS.map((a) => [a, list.includes(a)])) as Record<Activation, boolean>,
  toParam: (checks) => HISTOGRAM_ACTIVATIONS.filter((a) => checks[a]),
}

export const useInitHistogramsForm = defineSchemaForm('init-histograms', InitHistogramsParamsSchema, {
  codecs: { inits: initChecks, activations: activationChecks },
  /** Issues by field: 'inits', 'activations', 'layers', 'units', 'samples', 'bins', 'seed'. */
  issueKey: (path) => String(path[0] ?? ''),
})
