/** Lab 4, "Initial weights on MNIST": the inits to compare, the loss chart (0–2.5 like the book), the final table. */
import type { Locator, Page } from '@playwright/test'
import { LabPage } from './LabPage'

export class InitMnistPage extends LabPage {
  readonly lossChart: Locator

  constructor(page: Page) {
    super(page, 'init-mnist')
    this.lossChart = page.getByTestId('loss-chart')
  }

  init(name: 'Normal, std σ' | 'Xavier √(1/n)' | 'He √(2/n)' | 'All zero'): Locator {
    return this.page.getByRole('checkbox', { name, exact: true })
  }
}
