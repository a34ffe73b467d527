/**
 * Lab 3's grid as rows (one per initial weight) of cells (one per activation), built from the
 * live computation or from a stored result alike; the formula of each init; the book's expected
 * outcomes and the cells they belong to.
 */
import { initLabel } from '../labs/common'
import type { InitHistogramsResult } from '../labs/init-histograms/lab'
import type { Activation, InitSpec } from '../shared/schemas'

/** One init × activation of lab 3's result: the histogram of every layer. */
export type HistogramCell = InitHistogramsResult['cells'][number]

export interface GridCell {
  key: string
  init: InitSpec
  activation: Activation
  data: HistogramCell | null
}

export interface GridRow {
  init: InitSpec
  label: string
  cells: GridCell[]
}

/** A cell's identity across settings changes (its key also holds the sizes and the seed). */
export function cellId(c: { init: InitSpec; activation: Activation }): string {
  return `${initLabel(c.init)}|${c.activation}`
}

export function gridRows(inits: readonly InitSpec[], activations: readonly Activation[], lookup: (init: InitSpec, activation: Activation) => { key: string; data: HistogramCell | null }): GridRow[] {
  return inits.map((init) => ({ init, label: initLabel(init), cells: activations.map((activation) => ({ init, activation, ...lookup(init, activation) })) }))
}

/** The rows of a stored result (cells in init-major order, as computeHistograms makes them). */
export function rowsOfResult(cells: readonly HistogramCell[]): GridRow[] {
  const inits: InitSpec[] = []
  const activations: Activation[] = []
  for (const c of cells) {
    if (!inits.some((i) => initLabel(i) === initLabel(c.init))) inits.push(c.init)
    if (!activations.includes(c.activation)) activations.push(c.activation)
  }
  return gridRows(inits, activations, (init, activation) => {
    const data = cells.find((c) => initLabel(c.init) === initLabel(init) && c.activation === activation) ?? null
    return { key: `${initLabel(init)}|${activation}`, data }
  })
}

const trim = (v: number) => String(Number(v.toPrecision(3)))

/** The standard deviation of the weights as the lesson writes it, with its value for n inputs. */
export function initFormula(init: InitSpec, n: number): string {
  switch (init.kind) {
    case 'std':
      return `σ = ${init.std}`
    case 'xavier':
      return `σ = √(1/n) = ${trim(Math.sqrt(1 / n))}`
    case 'he':
      return `σ = √(2/n) = ${trim(Math.sqrt(2 / n))}`
    case 'zero':
      return 'W = 0'
    case 'constant':
      return `W = ${init.value}`
  }
}

/** The book's figures (and the lesson's zero-init slide), each tied to the cell that shows it. */
export const BOOK_EXPECTATIONS = [
  { id: 'std1Sigmoid', init: 'std=1', activation: 'sigmoid' },
  { id: 'std001Sigmoid', init: 'std=0.01', activation: 'sigmoid' },
  { id: 'xavierSigmoid', init: 'Xavier', activation: 'sigmoid' },
  { id: 'xavierRelu', init: 'Xavier', activation: 'relu' },
  { id: 'heRelu', init: 'He', activation: 'relu' },
  { id: 'zero', init: 'zero', activation: 'sigmoid' },
] as const satisfies readonly { id: string; init: string; activation: Activation }[]

export type BookExpectationId = (typeof BOOK_EXPECTATIONS)[number]['id']

export function expectationFor(cell: { init: InitSpec; activation: Activation }): BookExpectationId | null {
  const label = initLabel(cell.init)
  return BOOK_EXPECTATIONS.find((e) => e.init === label && e.activation === cell.activation)?.id ?? null
}
