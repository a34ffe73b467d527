/**
 * Lab 6's form, derived from its parameter schema: the cure (weight decay or dropout) and its
 * strength, the network, the training data size and the budget. Choosing a cure sets the book's
 * settings for it (6×100, 201 epochs, λ 0.1 — or 7×100, 301 epochs, ratio 0.2).
 */
import { defineSchemaForm, hiddenRowActions, hiddenRows } from '@renderer/composables/useSchemaForm'
import { OVERFIT_DROPOUT_DEFAULTS, OverfitParamsSchema, type OverfitParams } from '@renderer/lib/contract'
import { numberFields } from '@renderer/lib/forms'

export type Cure = OverfitParams['cure']

/** The book's settings of each cure (overfit_weight_decay.py, overfit_dropout.py). */
function bookDefaults(cure: Cure): OverfitParams {
  return OverfitParamsSchema.parse(cure === 'dropout' ? { ...OVERFIT_DROPOUT_DEFAULTS, hidden: [...OVERFIT_DROPOUT_DEFAULTS.hidden] } : {})
}

export const useOverfitForm = defineSchemaForm('overfit', OverfitParamsSchema, {
  codecs: { hidden: hiddenRows },
  extend: (form) => {
    /** Switches the cure and sets the book's settings for it (the seed stays). */
    function setCure(next: Cure): void {
      const seed = form.draft.seed
      form.apply(bookDefaults(next))
      form.draft.seed = seed
    }
    // Book defaults of the chosen cure, the seed kept.
    return { ...hiddenRowActions(() => form.draft.hidden), setCure, reset: () => setCure(form.draft.cure) }
  },
})

/** The number fields by section, in order (the cure's strength depends on the cure). */
export const OVERFIT_FIELDS = {
  weightDecay: numberFields(OverfitParamsSchema, [{ key: 'lambda', label: 'overfit.lambda' }]),
  dropout: numberFields(OverfitParamsSchema, [{ key: 'dropout', label: 'overfit.dropoutRatio', step: 0.05 }]),
  training: numberFields(OverfitParamsSchema, ['trainSize', 'epochs', 'lr', 'batchSize', 'seed']),
}
