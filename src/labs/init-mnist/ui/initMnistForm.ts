/**
 * Lab 4's form, derived from its parameter schema: network, the initial weight values to compare
 * (std with its value, Xavier, He, zero) as toggles, SGD's learning rate and the budget.
 */
import { computed } from 'vue'
import { defineSchemaForm, hiddenRowActions, hiddenRows, type FieldCodec } from '@renderer/composables/useSchemaForm'
import { InitMnistParamsSchema, type InitSpec } from '@renderer/lib/contract'
import { numberFields, type NumberField } from '@renderer/lib/forms'

/** The inits the form offers, in the book's order (the order of the runs). */
export const INIT_CHOICES = ['std', 'xavier', 'he', 'zero'] as const
export type InitChoice = (typeof INIT_CHOICES)[number]

interface InitsDraft {
  chosen: Record<InitChoice, boolean>
  std: NumberField
}

const initToggles: FieldCodec<InitSpec[], InitsDraft> = {
  toDraft: (inits) => {
    const std = inits.find((i) => i.kind === 'std')
    return {
      chosen: Object.fromEntries(INIT_CHOICES.map((k) => [k, inits.some((i) => i.kind === k)])) as Record<InitChoice, boolean>,
      std: std?.kind === 'std' ? std.std : 0.01,
    }
  },
  toParam: (d) => INIT_CHOICES.filter((k) => d.chosen[k]).map((kind) => (kind === 'std' ? { kind, std: d.std } : { kind })),
}

export const useInitMnistForm = defineSchemaForm('init-mnist', InitMnistParamsSchema, {
  codecs: { hidden: hiddenRows, inits: initToggles },
  // 'inits.0.std' is shown as 'init.std' (the std input); other paths as they are.
  issueKey: (path) => (path[0] === 'inits' && path.length > 1 ? `init.${String(path[path.length - 1])}` : path.map(String).join('.')),
  extend: (form) => ({
    ...hiddenRowActions(() => form.draft.hidden),
    /** The chosen inits in the book's order. */
    racing: computed(() => INIT_CHOICES.filter((k) => form.draft.inits.chosen[k])),
  }),
})

/** The training fields, in order. */
export const INIT_MNIST_FIELDS = numberFields(InitMnistParamsSchema, ['lr', 'batchSize', 'iterations', 'evalEvery', 'seed'])
