/** Field codecs several lab forms share (see useSchemaForm): an init as a kind with its values, optimizers as toggles. */
import { OPTIMIZER_NAMES, defaultOptimizer, type InitSpec, type OptimizerName, type OptimizerSpec } from '../lib/contract'
import { HYPERS, type InitKind, type NumberField, type OptimizerDraft } from '../lib/forms'
import type { FieldCodec } from './useSchemaForm'

/** An init as the form edits it: its kind, and the values of the kinds that have one (kept when the kind changes). */
export interface InitDraft {
  kind: InitKind
  std: NumberField
  constant: NumberField
}

export const initChoice: FieldCodec<InitSpec, InitDraft> = {
  toDraft: (init) => ({ kind: init.kind, std: init.kind === 'std' ? init.std : 0.01, constant: init.kind === 'constant' ? init.value : 0 }),
  toParam: (d) => (d.kind === 'std' ? { kind: 'std', std: d.std } : d.kind === 'constant' ? { kind: 'constant', value: d.constant } : { kind: d.kind }),
}

/**
 * The optimizers of a race as a toggle and hyperparameters per optimizer, in the app's fixed order
 * (the order of the runs); one not chosen keeps `fallback`'s hyperparameters until it is.
 */
export function optimizerToggles(fallback: (kind: OptimizerName) => OptimizerSpec = defaultOptimizer): FieldCodec<OptimizerSpec[], Record<OptimizerName, OptimizerDraft>> {
  return {
    toDraft: (chosen) =>
      Object.fromEntries(
        OPTIMIZER_NAMES.map((kind) => {
          const spec = chosen.find((o) => o.kind === kind) ?? fallback(kind)
          const values = Object.fromEntries(HYPERS[kind].map((h) => [h, (spec as Record<string, unknown>)[h] as number]))
          return [kind, { enabled: chosen.some((o) => o.kind === kind), values }]
        }),
      ) as Record<OptimizerName, OptimizerDraft>,
    toParam: (drafts) => racing(drafts).map((kind) => ({ kind, ...drafts[kind].values })),
  }
}

/** The chosen optimizers, in the app's fixed order. */
export function racing(drafts: Record<OptimizerName, OptimizerDraft>): OptimizerName[] {
  return OPTIMIZER_NAMES.filter((k) => drafts[k].enabled)
}

/** 'optimizers.1.lr' is shown as 'opt.adam.lr' (next to Adam's η); other paths as they are. */
export function optimizerIssueKey(path: PropertyKey[], drafts: Record<OptimizerName, OptimizerDraft>): string {
  const [head, index, field] = path
  return head === 'optimizers' && typeof index === 'number' && field !== undefined ? `opt.${racing(drafts)[index]}.${String(field)}` : path.map(String).join('.')
}
