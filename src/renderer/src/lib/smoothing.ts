/** The book's loss smoothing (Kaiser window, β = 2, series mirrored at both ends), from the engine. */
import { smoothCurve } from './contract'

export const BOOK_WINDOW = 11
export const WINDOW_CHOICES = [5, 11, 21, 51, 101] as const

export function smooth(values: readonly number[], windowLength: number = BOOK_WINDOW): number[] {
  return Array.from(smoothCurve(values, { window: windowLength }))
}
