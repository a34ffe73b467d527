/** History: the list of experiments, and one experiment opened from it. */
import { expect, type Locator, type Page } from '@playwright/test'
import { AppShell } from './AppShell'

export class HistoryPage extends AppShell {
  readonly table: Locator
  readonly search: Locator

  constructor(page: Page) {
    super(page)
    this.table = page.locator('table.history-table')
    this.search = page.getByRole('searchbox', { name: 'Search by name' })
  }

  async gotoViaNav(): Promise<void> {
    await this.navLink('History').click()
    await expect(this.heading('History')).toBeVisible()
  }

  row(name: string | RegExp): Locator {
    return this.table.getByRole('row', { name })
  }

  async openExperiment(name: string): Promise<void> {
    await this.page.getByRole('link', { name: `Open ${name}` }).click()
    await expect(this.heading(name)).toBeVisible()
  }
}
