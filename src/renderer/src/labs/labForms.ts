/**
 * The form of each lab that can be opened from History "with these settings": a lab registers a
 * function returning its form store (anything with `load(params)`); ExperimentView looks it up.
 */
import type { LabId } from '../lib/contract'
import { useBatchnormForm } from '../stores/batchnormForm'
import { useBuilderForm } from '../stores/builderForm'
import { useInitHistogramsForm } from '../stores/initHistogramsForm'
import { useInitMnistForm } from '../stores/initMnistForm'
import { useOptimizersMnistForm } from '../stores/optimizersMnistForm'
import { useOverfitForm } from '../stores/overfitForm'
import { usePaths2dForm } from '../stores/paths2dForm'
import { useRandomSearchForm } from '../stores/randomSearchForm'

export interface LoadableForm {
  load(params: Record<string, unknown>): void
}

export const LAB_FORMS: Partial<Record<LabId, () => LoadableForm>> = {
  'paths-2d': usePaths2dForm,
  'init-histograms': useInitHistogramsForm,
  'optimizers-mnist': useOptimizersMnistForm,
  'init-mnist': useInitMnistForm,
  batchnorm: useBatchnormForm,
  overfit: useOverfitForm,
  'random-search': useRandomSearchForm,
  builder: useBuilderForm,
}
