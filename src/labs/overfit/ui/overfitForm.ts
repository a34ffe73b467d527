/**
 * Lab 6's form: the cure (weight decay or dropout) and its strength, the network, the training
 * data size and the budget. Choosing a cure sets the book's settings for it (6×100, 201 epochs,
 * λ 0.1 — or 7×100, 301 epochs, ratio 0.2).
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { useHiddenLayers } from '@renderer/composables/useHiddenLayers'
import { OVERFIT_DROPOUT_DEFAULTS, OverfitParamsSchema, type Activation, type OverfitParams } from '@renderer/lib/contract'
import { issuesByField, type NumberField } from '@renderer/lib/forms'

export type Cure = OverfitParams['cure']

/** The book's settings of each cure (overfit_weight_decay.py, overfit_dropout.py). */
export function bookDefaults(cure: Cure): OverfitParams {
  return OverfitParamsSchema.parse(cure === 'dropout' ? { ...OVERFIT_DROPOUT_DEFAULTS, hidden: [...OVERFIT_DROPOUT_DEFAULTS.hidden] } : {})
}

export const useOverfitForm = defineStore('overfitForm', () => {
  const { hidden, setWidths, addLayer, removeLayer } = useHiddenLayers()
  const cure = ref<Cure>('weight-decay')
  const activation = ref<Activation>('relu')
  const trainSize = ref<NumberField>(300)
  const lr = ref<NumberField>(0.01)
  const batchSize = ref<NumberField>(100)
  const epochs = ref<NumberField>(201)
  const lambda = ref<NumberField>(0.1)
  const dropout = ref<NumberField>(0.2)
  const dropoutMode = ref<OverfitParams['dropoutMode']>('book')
  const seed = ref<NumberField>(1)

  function apply(p: OverfitParams): void {
    cure.value = p.cure
    setWidths(p.hidden)
    activation.value = p.activation
    trainSize.value = p.trainSize
    lr.value = p.lr
    batchSize.value = p.batchSize
    epochs.value = p.epochs
    lambda.value = p.lambda
    dropout.value = p.dropout
    dropoutMode.value = p.dropoutMode
    seed.value = p.seed
  }

  function load(raw: Record<string, unknown>): void {
    const parsed = OverfitParamsSchema.safeParse(raw)
    apply(parsed.success ? parsed.data : bookDefaults('weight-decay'))
  }
  load({})

  /** Switches the cure and sets the book's settings for it (the seed stays). */
  function setCure(next: Cure): void {
    const keep = seed.value
    apply(bookDefaults(next))
    seed.value = keep
  }

  const params = computed(() => ({
    cure: cure.value,
    hidden: hidden.value.map((r) => r.width),
    activation: activation.value,
    trainSize: trainSize.value,
    lr: lr.value,
    batchSize: batchSize.value,
    epochs: epochs.value,
    lambda: lambda.value,
    dropout: dropout.value,
    dropoutMode: dropoutMode.value,
    seed: seed.value,
  }))
  const validation = computed(() => OverfitParamsSchema.safeParse(params.value))
  const issues = computed(() => issuesByField(validation.value))

  return {
    cure, hidden, activation, trainSize, lr, batchSize, epochs, lambda, dropout, dropoutMode, seed,
    params, validation, issues, load, setCure, addLayer, removeLayer,
    reset: () => setCure(cure.value),
  }
})
