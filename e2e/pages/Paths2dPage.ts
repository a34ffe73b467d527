/** Lab 1, "Optimizer paths on a 2-D function": settings, the overlay and small plots, the player and the step inspector. */
import { expect, type Download, type Locator } from '@playwright/test'
import { AppShell } from './AppShell'

export type OptimizerKind = 'sgd' | 'momentum' | 'nesterov' | 'adagrad' | 'rmsprop' | 'adam'

export class Paths2dPage extends AppShell {
  readonly figure = this.page.locator('.paths-figure')
  readonly overlay = this.page.getByTestId('paths-overlay')
  readonly inspector = this.page.getByTestId('paths-inspector')
  readonly slider = this.page.getByRole('slider', { name: /^(Step|단계)$/ })
  readonly saveButton = this.page.getByRole('button', { name: /Save to History|기록에 저장/ })

  async goto(): Promise<void> {
    await this.openLab('paths-2d')
  }

  smallPlot(kind: OptimizerKind): Locator {
    return this.page.getByTestId(`paths-plot-${kind}`)
  }

  number(name: string): Locator {
    return this.page.getByRole('spinbutton', { name, exact: true })
  }

  /** The last point of each path, as the figure draws it. */
  async ends(): Promise<Record<string, [number, number]>> {
    return JSON.parse((await this.figure.getAttribute('data-ends')) ?? '{}')
  }

  async start(): Promise<[number, number]> {
    return ((await this.overlay.getAttribute('data-start')) ?? '').split(',').map(Number) as [number, number]
  }

  async seek(step: number): Promise<void> {
    await this.slider.fill(String(step))
    await expect(this.inspector).toHaveAttribute('data-step', String(step))
  }

  inspectorRow(kind: OptimizerKind): Locator {
    return this.inspector.locator(`tbody tr[data-optimizer="${kind}"]`)
  }

  /** One state variable (v, h, m, t, lrT) of an optimizer at the inspected step, at full precision. */
  async state(kind: OptimizerKind, key: string): Promise<number | number[]> {
    return JSON.parse((await this.inspectorRow(kind).locator(`[data-key="${key}"]`).getAttribute('data-value')) ?? 'null')
  }

  async exportPng(): Promise<Download> {
    return this.downloadFrom(this.page.getByRole('button', { name: 'Export the optimizer paths as PNG' }))
  }

  async exportCsv(): Promise<Download> {
    return this.downloadFrom(this.page.getByRole('button', { name: 'Export the optimizer paths data as CSV' }))
  }
}
