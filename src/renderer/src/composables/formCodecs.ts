/**
 * Field codecs several lab forms share (see useSchemaForm): an init as a kind with its values,
 * optimizers as toggles or as one choice with every kind's hyperparameters, the builder's blocks as
 * keyed rows, a data set as a choice and a path, an optional number.
 */
import { OPTIMIZER_NAMES, defaultOptimizer, type Activation, type Budget, type DataSource, type HiddenBlock, type InitSpec, type OptimizerName, type OptimizerSpec } from '../lib/contract'
import { HYPERS, type InitKind, type NumberField, type OptimizerDraft } from '../lib/forms'
import { keyedRows, type FieldCodec, type Keyed } from './useSchemaForm'

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

/** One optimizer's hyperparameters as the form edits them (the keys of HYPERS[kind]). */
const hyperValues = (spec: OptimizerSpec): Record<string, NumberField> =>
  Object.fromEntries(HYPERS[spec.kind].map((h) => [h, (spec as Record<string, unknown>)[h] as number]))

/** One optimizer, chosen from all six; each kind keeps what was typed for it while another is chosen. */
export interface OptimizerChoiceDraft {
  kind: OptimizerName
  hypers: Record<OptimizerName, Record<string, NumberField>>
}

export const optimizerChoice: FieldCodec<OptimizerSpec, OptimizerChoiceDraft> = {
  toDraft: (spec) => ({
    kind: spec.kind,
    hypers: Object.fromEntries(OPTIMIZER_NAMES.map((k) => [k, hyperValues(k === spec.kind ? spec : defaultOptimizer(k))])) as OptimizerChoiceDraft['hypers'],
  }),
  toParam: (d) => ({ kind: d.kind, ...d.hypers[d.kind] }),
}

/** A hidden block as the form edits it. */
export interface BlockDraft {
  width: NumberField
  batchNorm: boolean
  activation: Activation
  dropout: NumberField
}
export type BlockRow = Keyed<BlockDraft>
export const blockRows = keyedRows<HiddenBlock, BlockDraft>((b) => ({ ...b }), (r) => ({ ...r }))
export const FIRST_BLOCK: BlockDraft = { width: 100, batchNorm: false, activation: 'relu', dropout: 0 }

/** The data: the built-in MNIST, Debian's Fashion-MNIST, or a folder of IDX files typed as a path. */
export type DatasetChoice = 'builtin' | 'fashion' | 'idx'
export const FASHION_DIR = '/usr/share/datasets/fashion-mnist'
export const datasetChoice: FieldCodec<DataSource, { choice: DatasetChoice; dir: string }> = {
  toDraft: (d) => (d.kind === 'builtin-mnist' ? { choice: 'builtin', dir: '' } : d.dir === FASHION_DIR ? { choice: 'fashion', dir: '' } : { choice: 'idx', dir: d.dir }),
  toParam: (d) => (d.choice === 'builtin' ? { kind: 'builtin-mnist' } : { kind: 'idx', dir: d.choice === 'fashion' ? FASHION_DIR : d.dir.trim() }),
}

/** A budget's count as a number input's value. */
export const budgetDraft: FieldCodec<Budget, { unit: Budget['unit']; count: NumberField }> = {
  toDraft: (b) => ({ ...b }),
  toParam: (d) => ({ ...d }),
}

/** An optional number: '' while absent (the schema's default then applies). */
export const optionalNumber: FieldCodec<number | undefined, NumberField> = {
  toDraft: (v) => v ?? '',
  toParam: (d) => d,
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
          return [kind, { enabled: chosen.some((o) => o.kind === kind), values: hyperValues(spec) }]
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
