/**
 * Results that show nothing: a classifier that stays near chance level (guessing 1 of the
 * classes, or always answering the most frequent class) has not learned, so its gap, ranking or
 * colour means nothing. One pure rule, used wherever a result is shown.
 */

/** What guessing scores on a dataset: 1/classes, or the majority-class rate when it is known and higher. */
export interface ChanceBaseline {
  classes: number
  /** Share of the most frequent class in the evaluated data (null/omitted: unknown). */
  majorityRate?: number | null
}

/** Every dataset the app reads (built-in MNIST, MNIST, Fashion-MNIST, KMNIST IDX folders) has 10 classes. */
export const TEN_CLASSES: ChanceBaseline = { classes: 10 }

/** A run's baseline from its facts: 10 classes, and the majority rate of its training rows when known. */
export function runBaseline(facts: { majorityRate?: number | null } | null | undefined): ChanceBaseline {
  return { classes: TEN_CLASSES.classes, majorityRate: facts?.majorityRate ?? null }
}

/**
 * How close to chance still counts as chance: a fifth of the way from the chance level to a
 * perfect score (10 classes: up to 28 %). A net that learned anything of MNIST is far above it
 * (a linear model reaches about 90 %).
 */
export const CHANCE_MARGIN = 0.2

export function chanceRate(b: ChanceBaseline = TEN_CLASSES): number {
  if (!(Number.isInteger(b.classes) && b.classes >= 2)) throw new RangeError(`classes must be a whole number ≥ 2, got ${b.classes}`)
  const uniform = 1 / b.classes
  const majority = b.majorityRate ?? 0
  if (!(majority >= 0 && majority <= 1)) throw new RangeError(`majorityRate must be in [0, 1], got ${b.majorityRate}`)
  return Math.max(uniform, majority)
}

/** The highest accuracy that still reads as chance. */
export function chanceThreshold(b: ChanceBaseline = TEN_CLASSES, margin = CHANCE_MARGIN): number {
  const c = chanceRate(b)
  return c + margin * (1 - c)
}

/** True when `accuracy` (a fraction in [0, 1]) is at chance level; false for a missing or non-finite value. */
export function isAtChance(accuracy: number | null | undefined, b: ChanceBaseline = TEN_CLASSES, margin = CHANCE_MARGIN): boolean {
  if (accuracy === null || accuracy === undefined || !Number.isFinite(accuracy)) return false
  return accuracy <= chanceThreshold(b, margin)
}

export interface ChanceVerdict {
  /** Every accuracy the run reported is at chance level (and it reported at least one). */
  atChance: boolean
  /** The chance level itself (e.g. 0.1) and the threshold used (e.g. 0.28). */
  chance: number
  threshold: number
  /** The classes guessed among, and whether the chance level is the majority-class rate (above 1/classes). */
  classes: number
  byMajority: boolean
  /** The highest of the accuracies judged (what the run reached at best). */
  best: number | null
}

/**
 * A run is at chance when none of its accuracies (train, test, validation: whichever it has)
 * rose above the threshold. A run that fits its training data but fails the test set is
 * overfitting, not guessing, so the training accuracy counts too.
 */
export function runChance(accuracies: readonly (number | null | undefined)[], b: ChanceBaseline = TEN_CLASSES, margin = CHANCE_MARGIN): ChanceVerdict {
  const known = accuracies.filter((a): a is number => typeof a === 'number' && Number.isFinite(a))
  const threshold = chanceThreshold(b, margin)
  const best = known.length > 0 ? Math.max(...known) : null
  const chance = chanceRate(b)
  return { atChance: best !== null && best <= threshold, chance, threshold, best, classes: b.classes, byMajority: chance > 1 / b.classes }
}

/** For a set of results (e.g. a search's trials): how many are at chance, of how many judged. */
export function countAtChance(bests: readonly (number | null | undefined)[], b: ChanceBaseline = TEN_CLASSES, margin = CHANCE_MARGIN): { atChance: number; judged: number } {
  const known = bests.filter((a): a is number => typeof a === 'number' && Number.isFinite(a))
  return { atChance: known.filter((a) => isAtChance(a, b, margin)).length, judged: known.length }
}
