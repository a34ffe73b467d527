/** Lab 6, "Overfitting and its cures": the cure switch, accuracy and gap charts, the final table with the gap. */
import type { Locator, Page } from '@playwright/test'
import { LabPage } from './LabPage'

export class OverfitPage extends LabPage {
  readonly gapChart = this.page.getByTestId('gap-chart')
  readonly accuracyChart = this.page.getByTestId('accuracy-chart')
  readonly layerInputs = this.page.getByRole('spinbutton', { name: /^Width of layer \d+$/ })

  constructor(page: Page) {
    super(page, 'overfit')
  }

  cure(name: 'Weight decay' | 'Dropout'): Locator {
    return this.page.getByRole('radiogroup', { name: 'Cure' }).getByRole('radio', { name })
  }
}
