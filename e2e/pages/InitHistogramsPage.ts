/** Lab 3, "Initial weights → activation histograms": the settings band, the grid of cells, one cell opened large. */
import { expect, type Download, type Locator } from '@playwright/test'
import { AppShell } from './AppShell'

export class InitHistogramsPage extends AppShell {
  readonly grid = this.page.getByTestId('hist-grid')
  readonly cells = this.page.getByTestId('hist-cell')
  readonly detail = this.page.getByTestId('hist-detail')

  async goto(): Promise<void> {
    await this.openLab('init-histograms')
  }

  cell(init: string, activation: 'sigmoid' | 'relu' | 'tanh'): Locator {
    return this.page.locator(`[data-testid="hist-cell"][data-init="${init}"][data-activation="${activation}"]`)
  }

  /** Waits until every cell has its layers (computed in a worker). */
  async computed(cells: number, layers: number): Promise<void> {
    await expect(this.cells).toHaveCount(cells)
    await expect(this.page.locator(`[data-testid="hist-cell"][data-layers="${layers}"]`)).toHaveCount(cells, { timeout: 30_000 })
  }

  async exportPng(): Promise<Download> {
    return this.downloadFrom(this.page.getByRole('button', { name: 'Export the histogram grid as PNG' }))
  }
}
