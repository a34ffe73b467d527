/** Lab 2, "Optimizers on MNIST": the settings form, the live results and the exports. */
import { expect, type Download, type Locator, type Page } from '@playwright/test'
import { AppShell } from './AppShell'

export type OptimizerLabel = 'SGD' | 'Momentum' | 'Nesterov (NAG)' | 'AdaGrad' | 'RMSProp' | 'Adam'

export class OptimizersMnistPage extends AppShell {
  readonly runButton: Locator
  readonly cancelButton: Locator
  readonly lossChart: Locator
  readonly finalTable: Locator

  constructor(page: Page) {
    super(page)
    this.runButton = page.getByRole('button', { name: 'Run', exact: true })
    this.cancelButton = page.getByRole('button', { name: 'Cancel runs' })
    this.lossChart = page.getByTestId('loss-chart')
    this.finalTable = page.getByRole('table', { name: 'Final results' })
  }

  async goto(): Promise<void> {
    await this.openLab('optimizers-mnist')
  }

  number(name: string): Locator {
    return this.page.getByRole('spinbutton', { name, exact: true })
  }

  optimizer(name: OptimizerLabel): Locator {
    return this.page.getByRole('checkbox', { name, exact: true })
  }

  /** Ticks exactly the given optimizers. */
  async race(...names: OptimizerLabel[]): Promise<void> {
    for (const name of ['SGD', 'Momentum', 'Nesterov (NAG)', 'AdaGrad', 'RMSProp', 'Adam'] as const) {
      await this.optimizer(name).setChecked(names.includes(name))
    }
  }

  async set(values: { iterations?: number; evalEvery?: number; batchSize?: number; seed?: number }): Promise<void> {
    const labels = { iterations: 'Iterations', evalEvery: 'Evaluate every', batchSize: 'Mini-batch size', seed: 'Seed' }
    for (const [key, value] of Object.entries(values)) await this.number(labels[key as keyof typeof labels]).fill(String(value))
  }

  progressBar(run: OptimizerLabel): Locator {
    return this.page.getByRole('progressbar', { name: `Progress of ${run}` })
  }

  resultRow(run: OptimizerLabel): Locator {
    return this.finalTable.getByRole('row', { name: new RegExp(`^${run.replace(/[()]/g, '\\$&')}\\b`) })
  }

  async chartPoints(): Promise<number> {
    return Number(await this.lossChart.getAttribute('data-points'))
  }

  async exportLossPng(): Promise<Download> {
    return this.downloadFrom(this.page.getByRole('button', { name: 'Export Loss as PNG' }))
  }

  async exportLossCsv(): Promise<Download> {
    return this.downloadFrom(this.page.getByRole('button', { name: 'Export Loss data as CSV' }))
  }

  /** The final table as text, row by row (to compare the live page with the stored experiment). */
  async finalTableText(): Promise<string[]> {
    return this.finalTable.locator('tbody tr').allInnerTexts()
  }
}
