/**
 * Lab 1's settings (kept while the user visits other pages) and the paths they give, computed
 * right here in the renderer on every change (a few microseconds per step). While a field is
 * invalid the last valid paths stay on screen and the field says why.
 */
import { defineStore } from 'pinia'
import { computed, reactive, ref } from 'vue'
import {
  FUNCTIONS_2D,
  OPTIMIZER_NAMES,
  PATH_DEFAULT_OPTIMIZERS,
  Paths2dParamsSchema,
  computePaths,
  type Function2DId,
  type OptimizerName,
  type OptimizerSpec,
  type Paths2dResult,
  type Point2,
} from '@renderer/lib/contract'
import { HYPERS, issuesByField, type NumberField, type OptimizerDraft } from '@renderer/lib/forms'


const DEFAULTS = Paths2dParamsSchema.parse({})

function drafts(chosen: OptimizerSpec[]): Record<OptimizerName, OptimizerDraft> {
  return Object.fromEntries(
    OPTIMIZER_NAMES.map((kind) => {
      const spec = chosen.find((o) => o.kind === kind) ?? PATH_DEFAULT_OPTIMIZERS.find((o) => o.kind === kind)!
      const values = Object.fromEntries(HYPERS[kind].map((h) => [h, (spec as Record<string, unknown>)[h] as number]))
      return [kind, { enabled: chosen.some((o) => o.kind === kind), values }]
    }),
  ) as Record<OptimizerName, OptimizerDraft>
}

/** A clicked start point, rounded to two decimals (the numbers stay readable in the inputs). */
const round2 = (v: number): number => Math.round(v * 100) / 100

export const usePaths2dForm = defineStore('paths2dForm', () => {
  const fn = ref<Function2DId>('lesson')
  const startX = ref<NumberField>(-7)
  const startY = ref<NumberField>(2)
  const steps = ref<NumberField>(30)
  const seed = ref(1)
  const optimizers = reactive({} as Record<OptimizerName, OptimizerDraft>)

  function load(raw: Record<string, unknown>): void {
    const parsed = Paths2dParamsSchema.safeParse(raw)
    const p = parsed.success ? parsed.data : DEFAULTS
    fn.value = p.fn
    startX.value = p.start[0]
    startY.value = p.start[1]
    steps.value = p.steps
    seed.value = p.seed
    Object.assign(optimizers, drafts(p.optimizers))
  }
  load({})

  /** A new function starts from its own default point. */
  function setFunction(id: Function2DId): void {
    fn.value = id
    ;[startX.value, startY.value] = FUNCTIONS_2D[id].start
  }

  function setStart([x, y]: Point2): void {
    startX.value = round2(x)
    startY.value = round2(y)
  }

  const enabled = computed(() => OPTIMIZER_NAMES.filter((k) => optimizers[k].enabled))

  const params = computed(() => ({
    fn: fn.value,
    start: [startX.value, startY.value],
    steps: steps.value,
    optimizers: enabled.value.map((kind) => ({ kind, ...optimizers[kind].values })),
    seed: seed.value,
  }))

  const validation = computed(() => Paths2dParamsSchema.safeParse(params.value))

  /** Issues by field: 'start.0', 'steps', 'optimizers', 'opt.adam.beta1'… */
  const issues = computed(() =>
    issuesByField(validation.value, (path) => {
      const [head, index, field] = path
      return head === 'optimizers' && typeof index === 'number' && field !== undefined ? `opt.${enabled.value[index]}.${String(field)}` : path.map(String).join('.')
    }),
  )

  let lastGood: Paths2dResult | null = null
  /** The paths of the current settings, or of the last valid ones while a field is invalid. */
  const result = computed<Paths2dResult | null>(() => {
    if (validation.value.success) lastGood = computePaths(validation.value.data)
    return lastGood
  })

  return {
    fn, startX, startY, steps, seed, optimizers, enabled, params, validation, issues, result,
    load, setFunction, setStart,
    reset: () => load({}),
  }
})
