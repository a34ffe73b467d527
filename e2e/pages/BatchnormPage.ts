/** Lab 5, "Batch normalization": the grid of weight scales, the whole experiment's progress, one scale opened large. */
import type { Locator, Page } from '@playwright/test'
import { LabPage } from './LabPage'

export class BatchnormPage extends LabPage {
  readonly grid: Locator
  readonly cells: Locator
  readonly progress: Locator
  readonly summary: Locator
  readonly dialog: Locator

  constructor(page: Page) {
    super(page, 'batchnorm')
    this.grid = page.getByTestId('bn-grid')
    this.cells = this.grid.getByRole('button', { name: /^Open W: .+ large$/ })
    this.progress = page.getByTestId('experiment-progress')
    this.summary = page.getByTestId('bn-summary')
    this.dialog = page.getByTestId('bn-cell-dialog')
  }

  cell(title: string): Locator {
    return this.grid.getByRole('button', { name: `Open ${title} large`, exact: true })
  }

  async cellStates(): Promise<string[]> {
    return this.cells.evaluateAll((els) => els.map((e) => e.getAttribute('data-state') ?? ''))
  }

  async cellPoints(): Promise<number[]> {
    return this.cells.evaluateAll((els) => els.map((e) => Number(e.querySelector('[data-points]')?.getAttribute('data-points') ?? 0)))
  }
}
