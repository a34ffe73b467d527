/** The comparison of runs (/compare?runs=…): what differs, the overlaid charts, the exports. */
import { type Download, type Locator, type Page } from '@playwright/test'
import { AppShell } from './AppShell'

export class ComparePage extends AppShell {
  readonly differs: Locator
  readonly table: Locator

  constructor(page: Page) {
    super(page)
    this.differs = page.getByTestId('compare-differs')
    this.table = page.getByRole('region', { name: 'What differs' }).getByRole('table')
  }

  /** The name a run has in the legend (and in the table). */
  legendOf(runId: number): Locator {
    return this.table.locator(`tr[data-run-id="${runId}"] th a`)
  }

  async download(buttonName: string): Promise<Download> {
    return this.downloadFrom(this.page.getByRole('button', { name: buttonName, exact: true }).first())
  }

  async points(testId: string): Promise<number> {
    return Number(await this.page.getByTestId(testId).getAttribute('data-points'))
  }
}
