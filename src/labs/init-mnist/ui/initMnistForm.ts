/**
 * Lab 4's form: network, the initial weight values to compare (std with its value, Xavier, He,
 * zero), SGD's learning rate and the budget; validated by the lab's zod schema, issues by field.
 */
import { defineStore } from 'pinia'
import { computed, reactive, ref } from 'vue'
import { useHiddenLayers } from '@renderer/composables/useHiddenLayers'
import { InitMnistParamsSchema, type Activation } from '@renderer/lib/contract'
import { issuesByField, type NumberField } from '@renderer/lib/forms'

/** The inits the form offers, in the book's order (the order of the runs). */
export const INIT_CHOICES = ['std', 'xavier', 'he', 'zero'] as const
export type InitChoice = (typeof INIT_CHOICES)[number]

const DEFAULTS = InitMnistParamsSchema.parse({})

export const useInitMnistForm = defineStore('initMnistForm', () => {
  const { hidden, setWidths, addLayer, removeLayer } = useHiddenLayers()
  const activation = ref<Activation>('relu')
  const chosen = reactive<Record<InitChoice, boolean>>({ std: true, xavier: true, he: true, zero: false })
  const std = ref<NumberField>(0.01)
  const lr = ref<NumberField>(0.01)
  const batchSize = ref<NumberField>(128)
  const iterations = ref<NumberField>(2000)
  const evalEvery = ref<NumberField>(500)
  const seed = ref<NumberField>(1)

  function load(raw: Record<string, unknown>): void {
    const parsed = InitMnistParamsSchema.safeParse(raw)
    const p = parsed.success ? parsed.data : DEFAULTS
    setWidths(p.hidden)
    activation.value = p.activation
    for (const k of INIT_CHOICES) chosen[k] = p.inits.some((i) => i.kind === k)
    const stdInit = p.inits.find((i) => i.kind === 'std')
    std.value = stdInit?.kind === 'std' ? stdInit.std : 0.01
    lr.value = p.lr
    batchSize.value = p.batchSize
    iterations.value = p.iterations
    evalEvery.value = p.evalEvery
    seed.value = p.seed
  }
  load({})

  /** The chosen inits in the book's order. */
  const racing = computed(() => INIT_CHOICES.filter((k) => chosen[k]))

  const params = computed(() => ({
    hidden: hidden.value.map((r) => r.width),
    activation: activation.value,
    inits: racing.value.map((kind) => (kind === 'std' ? { kind, std: std.value } : { kind })),
    lr: lr.value,
    batchSize: batchSize.value,
    iterations: iterations.value,
    evalEvery: evalEvery.value,
    seed: seed.value,
  }))

  const validation = computed(() => InitMnistParamsSchema.safeParse(params.value))

  /** Issues by field: 'hidden.0', 'inits', 'init.std', 'lr', 'iterations'… */
  const issues = computed(() =>
    issuesByField(validation.value, (path) => (path[0] === 'inits' && path.length > 1 ? `init.${String(path[path.length - 1])}` : path.map(String).join('.'))),
  )

  return {
    hidden, activation, chosen, std, lr, batchSize, iterations, evalEvery, seed,
    racing, params, validation, issues, load, addLayer, removeLayer,
    reset: () => load({}),
  }
})
