/** Lab 5's form: network, how many of the 16 weight scales, SGD and the budget in epochs; validated by the lab's schema. */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { useHiddenLayers } from '@renderer/composables/useHiddenLayers'
import { BatchnormParamsSchema, type Activation } from '@renderer/lib/contract'
import { issuesByField, type NumberField } from '@renderer/lib/forms'

const DEFAULTS = BatchnormParamsSchema.parse({})

export const useBatchnormForm = defineStore('batchnormForm', () => {
  const { hidden, setWidths, addLayer, removeLayer } = useHiddenLayers()
  const activation = ref<Activation>('relu')
  const scales = ref<NumberField>(16)
  const trainSize = ref<NumberField>(1000)
  const lr = ref<NumberField>(0.01)
  const batchSize = ref<NumberField>(100)
  const epochs = ref<NumberField>(20)
  const seed = ref<NumberField>(1)

  function load(raw: Record<string, unknown>): void {
    const parsed = BatchnormParamsSchema.safeParse(raw)
    const p = parsed.success ? parsed.data : DEFAULTS
    setWidths(p.hidden)
    activation.value = p.activation
    scales.value = p.scales
    trainSize.value = p.trainSize
    lr.value = p.lr
    batchSize.value = p.batchSize
    epochs.value = p.epochs
    seed.value = p.seed
  }
  load({})

  const params = computed(() => ({
    hidden: hidden.value.map((r) => r.width),
    activation: activation.value,
    scales: scales.value,
    trainSize: trainSize.value,
    lr: lr.value,
    batchSize: batchSize.value,
    epochs: epochs.value,
    seed: seed.value,
  }))
  const validation = computed(() => BatchnormParamsSchema.safeParse(params.value))
  const issues = computed(() => issuesByField(validation.value))

  return {
    hidden, activation, scales, trainSize, lr, batchSize, epochs, seed,
    params, validation, issues, load, addLayer, removeLayer,
    reset: () => load({}),
  }
})
