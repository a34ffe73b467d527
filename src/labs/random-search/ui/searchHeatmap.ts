/**
 * How the user likes lab 7's heatmap drawn (kept across searches and pages): the plane of two
 * hyperparameters or a slice (validation accuracy over one), cells, points, aggregate, bins.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'

type CellAggregate = 'best' | 'mean'
type PlaneView = 'plane' | 'slice'
export const BIN_CHOICES = [4, 6, 8, 10, 12] as const

export const useSearchHeatmapStore = defineStore('searchHeatmap', () => {
  const view = ref<PlaneView>('plane')
  const showCells = ref(true)
  const showPoints = ref(true)
  const aggregate = ref<CellAggregate>('best')
  const bins = ref<number>(8)
  return { view, showCells, showPoints, aggregate, bins }
})
