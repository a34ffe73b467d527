/**
 * The renderer's view of the lab registry (src/labs/registry.ts), in the lesson's order: number,
 * route, lesson term, and each lab's UI from its own folder src/labs/<lab-id>/ui/index.ts (page,
 * result view, form). Nothing here lists the labs again.
 */
import { defineAsyncComponent, type Component } from 'vue'
import { LABS, type LabId, type LessonTerm } from '../lib/contract'
import type { LabUi } from './ui'

export interface LabEntry {
  id: LabId
  n: number
  term: LessonTerm
  path: string
}

export const LAB_CATALOG: readonly LabEntry[] = LABS.map((lab, i) => ({ id: lab.id, n: i + 1, term: lab.term, path: `/labs/${lab.id}` }))

export function labEntry(id: LabId): LabEntry {
  const entry = LAB_CATALOG.find((l) => l.id === id)
  if (!entry) throw new Error(`unknown lab '${id}'`)
  return entry
}

const uiFiles = import.meta.glob<LabUi>('../../../labs/*/ui/index.ts', { eager: true, import: 'default' })

/** A lab's UI; every lab in the registry must have a ui/index.ts. */
export function labUi(id: LabId): LabUi {
  const ui = uiFiles[`../../../labs/${id}/ui/index.ts`]
  if (!ui) throw new Error(`lab '${id}' has no ui/index.ts`)
  return ui
}

const generic = defineAsyncComponent(() => import('../components/experiment/ExperimentResults.vue'))
const resultViews = new Map<LabId, Component>()

/** What an opened experiment shows: the lab's own result view, or the generic progress, charts and final table. */
export function resultViewFor(labId: LabId | undefined): Component {
  if (!labId) return generic
  const ui = labUi(labId)
  if (!ui.results) return generic
  if (!resultViews.has(labId)) resultViews.set(labId, defineAsyncComponent(ui.results))
  return resultViews.get(labId)!
}
