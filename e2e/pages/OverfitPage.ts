/** Lab 6, "Overfitting and its cures": the cure switch, accuracy and gap charts, the final table with the gap. */
import type { Locator, Page } from '@playwright/test'
import { LabPage } from './LabPage'

export class OverfitPage extends LabPage {
  readonly gapChart: Locator
  readonly accuracyChart: Locator
  readonly layerInputs: Locator

  constructor(page: Page) {
    super(page, 'overfit')
    this.gapChart = page.getByTestId('gap-chart')
    this.accuracyChart = page.getByTestId('accuracy-chart')
    this.layerInputs = page.getByRole('spinbutton', { name: /^Width of layer \d+$/ })
  }

  cure(name: 'Weight decay' | 'Dropout'): Locator {
    return this.page.getByRole('radiogroup', { name: 'Cure' }).getByRole('radio', { name })
  }
}
