/** What every lab page with a form and stored runs has: Run, number fields by label, the experiment bar, the final table. */
import { expect, type Download, type Locator, type Page } from '@playwright/test'
import type { LabId } from '../labs'
import { AppShell } from './AppShell'

export class LabPage extends AppShell {
  readonly runButton: Locator
  readonly cancelButton: Locator
  readonly finalTable: Locator

  constructor(
    page: Page,
    readonly labId: LabId,
  ) {
    super(page)
    this.runButton = page.getByRole('button', { name: 'Run', exact: true })
    this.cancelButton = page.getByRole('button', { name: 'Cancel runs' })
    this.finalTable = page.getByRole('table', { name: 'Final results' })
  }

  async goto(): Promise<void> {
    await this.openLab(this.labId)
  }

  number(name: string): Locator {
    return this.page.getByRole('spinbutton', { name, exact: true })
  }

  async fill(values: Record<string, number>): Promise<void> {
    for (const [label, value] of Object.entries(values)) await this.number(label).fill(String(value))
  }

  /** Starts the lab and waits until the page shows the new experiment. */
  async run(): Promise<number> {
    await this.runButton.click()
    await expect(this.page).toHaveURL(/experiment=\d+/)
    return Number(new URL(this.page.url().replace('/#/', '/')).searchParams.get('experiment'))
  }

  resultRow(run: string): Locator {
    return this.finalTable.locator(`tbody tr[data-run="${run}"]`)
  }

  async download(buttonName: string): Promise<Download> {
    return this.downloadFrom(this.page.getByRole('button', { name: buttonName, exact: true }).first())
  }

  async points(testId: string, within: Locator | Page = this.page): Promise<number> {
    return Number(await within.getByTestId(testId).getAttribute('data-points'))
  }
}
