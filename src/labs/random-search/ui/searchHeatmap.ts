/**
 * How the user likes lab 7's heatmap drawn (kept across searches and pages): the plane of two
 * hyperparameters or a slice (validation accuracy over one), cells, points, aggregate, bins, and
 * the colour scale: anchored at 0–1 (default: a search that stayed at chance looks flat instead
 * of turning noise into structure) or fitted to the trials' range (auto).
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'

type CellAggregate = 'best' | 'mean'
type PlaneView = 'plane' | 'slice'
type ColorMode = 'fixed' | 'auto'
export const BIN_CHOICES = [4, 6, 8, 10, 12] as const

export const useSearchHeatmapStore = defineStore('searchHeatmap', () => {
  const view = ref<PlaneView>('plane')
  const showCells = ref(true)
  const showPoints = ref(true)
  const aggregate = ref<CellAggregate>('best')
  const bins = ref<number>(8)
  const colorMode = ref<ColorMode>('fixed')
  return { view, showCells, showPoints, aggregate, bins, colorMode }
})
