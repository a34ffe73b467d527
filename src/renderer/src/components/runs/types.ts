/** A column a lab adds to the final table (e.g. lab 6's gap), after the test accuracy. */
import type { RunView } from '../../composables/useExperimentRuns'

export interface ExtraColumn {
  key: string
  header: string
  value: (r: RunView) => string
}
