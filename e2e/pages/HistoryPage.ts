/** History: the list of experiments, its filters, tags, selection and bundles, and one experiment opened from it. */
import { expect, type Download, type Locator, type Page } from '@playwright/test'
import { AppShell } from './AppShell'

export class HistoryPage extends AppShell {
  readonly table: Locator
  readonly search: Locator
  readonly filters: Locator

  constructor(page: Page) {
    super(page)
    this.table = page.locator('table.history-table')
    this.search = page.getByRole('searchbox', { name: 'Search by name' })
    this.filters = page.getByRole('search', { name: 'Filter experiments' })
  }

  async gotoViaNav(): Promise<void> {
    await this.navLink('History').click()
    await expect(this.heading('History')).toBeVisible()
  }

  row(name: string | RegExp): Locator {
    return this.table.getByRole('row', { name })
  }

  rowById(id: number): Locator {
    return this.table.locator(`tbody tr[data-experiment="${id}"]`)
  }

  /** Ids of the experiments listed, top to bottom. */
  async listedIds(): Promise<number[]> {
    return (await this.table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-experiment')))).map(Number)
  }

  /** Opens an experiment by its name, within its own row when `id` is given (other specs may have made one of the same name). */
  async openExperiment(name: string, id?: number): Promise<void> {
    const scope = id === undefined ? this.page : this.rowById(id)
    await scope.getByRole('link', { name: `Open ${name}` }).click()
    await expect(this.heading(name)).toBeVisible()
  }

  /** A filter field by its visible label: 'Lab', 'From', 'To', 'Tag'. */
  filter(label: 'Lab' | 'From' | 'To' | 'Tag'): Locator {
    return this.filters.locator('label.field').filter({ has: this.page.locator('span', { hasText: new RegExp(`^${label}$`) }) }).locator('input, select')
  }

  async select(id: number): Promise<void> {
    await this.rowById(id).getByRole('checkbox').check()
  }

  async addTag(id: number, tag: string): Promise<void> {
    await this.rowById(id).getByRole('button', { name: /^Add a tag to / }).click()
    const input = this.rowById(id).getByRole('textbox', { name: /^New tag for / })
    await input.fill(tag)
    await input.press('Enter')
    await expect(this.rowById(id).locator(`[data-tag="${tag}"]`)).toBeVisible()
  }

  async exportBundle(): Promise<Download> {
    return this.downloadFrom(this.page.getByRole('button', { name: /^Export bundle/ }))
  }

  async importBundle(file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.page.getByLabel('Bundle file to import').setInputFiles(file)
  }
}
