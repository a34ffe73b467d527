/**
 * Lab 3's settings (kept while the user visits other pages): which initial weights and activations
 * make the grid, and the sizes of the book's experiment, validated by the lab's own schema.
 */
import { defineStore } from 'pinia'
import { computed, reactive, ref } from 'vue'
import { InitHistogramsParamsSchema, initLabel, type Activation, type InitSpec } from '@renderer/lib/contract'
import { issuesByField, type NumberField } from '@renderer/lib/forms'

export const HISTOGRAM_ACTIVATIONS: readonly Activation[] = ['sigmoid', 'relu', 'tanh']
const DEFAULTS = InitHistogramsParamsSchema.parse({})

export const useInitHistogramsForm = defineStore('initHistogramsForm', () => {
  /** The book's inits plus zero, and any other init a loaded experiment used. */
  const inits = ref<{ spec: InitSpec; on: boolean }[]>([])
  const activations = reactive<Record<Activation, boolean>>({ sigmoid: true, relu: true, tanh: true })
  const layers = ref<NumberField>(5)
  const units = ref<NumberField>(100)
  const samples = ref<NumberField>(1000)
  const bins = ref<NumberField>(30)
  const seed = ref<NumberField>(1)

  function load(raw: Record<string, unknown>): void {
    const parsed = InitHistogramsParamsSchema.safeParse(raw)
    const p = parsed.success ? parsed.data : DEFAULTS
    const chosen = new Set(p.inits.map(initLabel))
    const all = [...DEFAULTS.inits, ...p.inits.filter((i) => !DEFAULTS.inits.some((d) => initLabel(d) === initLabel(i)))]
    inits.value = all.map((spec) => ({ spec, on: chosen.has(initLabel(spec)) }))
    for (const a of HISTOGRAM_ACTIVATIONS) activations[a] = p.activations.includes(a)
    layers.value = p.layers
    units.value = p.units
    samples.value = p.samples
    bins.value = p.bins
    seed.value = p.seed
  }
  load({})

  const params = computed(() => ({
    inits: inits.value.filter((i) => i.on).map((i) => i.spec),
    activations: HISTOGRAM_ACTIVATIONS.filter((a) => activations[a]),
    layers: layers.value,
    units: units.value,
    samples: samples.value,
    bins: bins.value,
    seed: seed.value,
  }))

  const validation = computed(() => InitHistogramsParamsSchema.safeParse(params.value))
  /** Issues by field: 'inits', 'activations', 'layers', 'units', 'samples', 'bins', 'seed'. */
  const issues = computed(() => issuesByField(validation.value, (path) => String(path[0] ?? '')))

  return { inits, activations, layers, units, samples, bins, seed, params, validation, issues, load, reset: () => load({}) }
})
