/**
 * Lab 1's form, derived from its parameter schema, and the paths it gives, computed right here in
 * the renderer on every change (a few microseconds per step). While a field is invalid the last
 * valid paths stay on screen and the field says why.
 */
import { computed } from 'vue'
import { optimizerIssueKey, optimizerToggles, racing } from '@renderer/composables/formCodecs'
import { defineSchemaForm } from '@renderer/composables/useSchemaForm'
import { FUNCTIONS_2D, PATH_DEFAULT_OPTIMIZERS, Paths2dParamsSchema, computePaths, type Function2DId, type Paths2dResult, type Point2 } from '@renderer/lib/contract'

/** A clicked start point, rounded to two decimals (the numbers stay readable in the inputs). */
const round2 = (v: number): number => Math.round(v * 100) / 100

export const usePaths2dForm = defineSchemaForm('paths-2d', Paths2dParamsSchema, {
  // An optimizer not chosen keeps the book's learning rate for this function until it is.
  codecs: { optimizers: optimizerToggles((kind) => PATH_DEFAULT_OPTIMIZERS.find((o) => o.kind === kind)!) },
  issueKey: (path, draft) => optimizerIssueKey(path, draft.optimizers),
  extend: (form) => {
    let lastGood: Paths2dResult | null = null
    return {
      enabled: computed(() => racing(form.draft.optimizers)),
      /** A new function starts from its own default point. */
      setFunction(id: Function2DId): void {
        form.draft.fn = id
        form.draft.start = [...FUNCTIONS_2D[id].start]
      },
      setStart([x, y]: Point2): void {
        form.draft.start = [round2(x), round2(y)]
      },
      /** The paths of the current settings, or of the last valid ones while a field is invalid. */
      result: computed<Paths2dResult | null>(() => {
        if (form.validation.value.success) lastGood = computePaths(form.validation.value.data)
        return lastGood
      }),
    }
  },
})
