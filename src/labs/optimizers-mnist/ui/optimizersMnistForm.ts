/**
 * Lab 2's form: what the user typed (kept while they visit other pages), the parameters it makes,
 * and their validation by the lab's own zod schema, with each issue keyed by its field.
 */
import { defineStore } from 'pinia'
import { computed, reactive, ref } from 'vue'
import { useHiddenLayers } from '@renderer/composables/useHiddenLayers'
import { OPTIMIZER_NAMES, OptimizersMnistParamsSchema, defaultOptimizer, type Activation, type OptimizerName, type OptimizerSpec } from '@renderer/lib/contract'
import { HYPERS, issuesByField, type InitKind, type NumberField, type OptimizerDraft } from '@renderer/lib/forms'

const DEFAULTS = OptimizersMnistParamsSchema.parse({})

function optimizerDrafts(chosen: OptimizerSpec[]): Record<OptimizerName, OptimizerDraft> {
  return Object.fromEntries(
    OPTIMIZER_NAMES.map((kind) => {
      const spec = chosen.find((o) => o.kind === kind) ?? defaultOptimizer(kind)
      const values = Object.fromEntries(HYPERS[kind].map((h) => [h, (spec as Record<string, unknown>)[h] as number]))
      return [kind, { enabled: chosen.some((o) => o.kind === kind), values }]
    }),
  ) as Record<OptimizerName, OptimizerDraft>
}

export const useOptimizersMnistForm = defineStore('optimizersMnistForm', () => {
  const { hidden, setWidths, addLayer, removeLayer } = useHiddenLayers()
  const activation = ref<Activation>('relu')
  const initKind = ref<InitKind>('he')
  const initStd = ref<NumberField>(0.01)
  const initConstant = ref<NumberField>(0)
  const optimizers = reactive({} as Record<OptimizerName, OptimizerDraft>)
  const batchSize = ref<NumberField>(128)
  const iterations = ref<NumberField>(2000)
  const evalEvery = ref<NumberField>(500)
  const seed = ref<NumberField>(1)

  function load(raw: Record<string, unknown>): void {
    const parsed = OptimizersMnistParamsSchema.safeParse(raw)
    const p = parsed.success ? parsed.data : DEFAULTS
    setWidths(p.hidden)
    activation.value = p.activation
    initKind.value = p.init.kind
    if (p.init.kind === 'std') initStd.value = p.init.std
    if (p.init.kind === 'constant') initConstant.value = p.init.value
    Object.assign(optimizers, optimizerDrafts(p.optimizers))
    batchSize.value = p.batchSize
    iterations.value = p.iterations
    evalEvery.value = p.evalEvery
    seed.value = p.seed
  }
  load({})

  /** The optimizers in the race, in the app's fixed order (the order of the runs). */
  const racing = computed(() => OPTIMIZER_NAMES.filter((k) => optimizers[k].enabled))

  const params = computed(() => ({
    hidden: hidden.value.map((r) => r.width),
    activation: activation.value,
    init:
      initKind.value === 'std'
        ? { kind: 'std', std: initStd.value }
        : initKind.value === 'constant'
          ? { kind: 'constant', value: initConstant.value }
          : { kind: initKind.value },
    optimizers: racing.value.map((kind) => ({ kind, ...optimizers[kind].values })),
    batchSize: batchSize.value,
    iterations: iterations.value,
    evalEvery: evalEvery.value,
    seed: seed.value,
  }))

  const validation = computed(() => OptimizersMnistParamsSchema.safeParse(params.value))

  /** Issues by field key: 'hidden.0', 'init.std', 'optimizers', 'opt.adam.lr', 'iterations'… */
  const issues = computed(() =>
    issuesByField(validation.value, (path) => {
      const [head, index, field] = path
      return head === 'optimizers' && typeof index === 'number' && field !== undefined ? `opt.${racing.value[index]}.${String(field)}` : path.map(String).join('.')
    }),
  )

  return {
    hidden, activation, initKind, initStd, initConstant, optimizers, batchSize, iterations, evalEvery, seed,
    racing, params, validation, issues, load, addLayer, removeLayer,
    reset: () => load({}),
  }
})
