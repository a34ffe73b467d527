/**
 * What an opened experiment shows, per lab: the generic ExperimentResults (progress, loss and
 * accuracy charts, final table) unless a lab registers its own result view here. A result view
 * takes the props `{ experimentId: number }` and reads the experiment through the stores.
 */
import { defineAsyncComponent, type Component } from 'vue'
import type { LabId } from '../lib/contract'

const generic = defineAsyncComponent(() => import('../components/experiment/ExperimentResults.vue'))

export const RESULT_VIEWS: Partial<Record<LabId, Component>> = {
  'paths-2d': defineAsyncComponent(() => import('../components/paths/PathsResultView.vue')),
  'init-histograms': defineAsyncComponent(() => import('../components/histograms/HistogramsResultView.vue')),
  'init-mnist': defineAsyncComponent(() => import('../components/initMnist/InitMnistResults.vue')),
  batchnorm: defineAsyncComponent(() => import('../components/batchnorm/BatchnormResults.vue')),
  overfit: defineAsyncComponent(() => import('../components/overfit/OverfitResults.vue')),
  'random-search': defineAsyncComponent(() => import('../components/search/SearchResults.vue')),
  builder: defineAsyncComponent(() => import('../components/builder/BuilderResults.vue')),
}

export function resultViewFor(labId: LabId | undefined): Component {
  return (labId && RESULT_VIEWS[labId]) || generic
}
