/** Lab 8, "Your own network": the hidden blocks, the other settings, saved networks, the results. */
import { expect, type Locator, type Page } from '@playwright/test'
import { LabPage } from './LabPage'

export interface BlockSettings {
  width?: number
  batchNorm?: boolean
  activation?: 'ReLU' | 'Sigmoid' | 'tanh'
  dropout?: number
}

export class BuilderPage extends LabPage {
  readonly blocks = this.page.locator('li.block-row')
  readonly paramCount = this.page.getByTestId('param-count')
  readonly epochEstimate = this.page.getByTestId('epoch-estimate')
  readonly specs = this.page.getByRole('region', { name: 'Saved networks' })

  constructor(page: Page) {
    super(page, 'builder')
  }

  width(n: number): Locator {
    return this.page.getByRole('spinbutton', { name: `Width of block ${n}`, exact: true })
  }

  dropout(n: number): Locator {
    return this.page.getByRole('spinbutton', { name: `Dropout ratio of block ${n}`, exact: true })
  }

  /** Sets block n (1-based), adding blocks until it exists. */
  async setBlock(n: number, s: BlockSettings): Promise<void> {
    while ((await this.blocks.count()) < n) await this.page.getByRole('button', { name: 'Add a block' }).click()
    if (s.width !== undefined) await this.width(n).fill(String(s.width))
    if (s.batchNorm !== undefined) await this.page.getByRole('checkbox', { name: `Batch normalization in block ${n}` }).setChecked(s.batchNorm)
    if (s.activation) await this.page.getByRole('combobox', { name: `Activation of block ${n}` }).selectOption({ label: s.activation })
    if (s.dropout !== undefined) await this.dropout(n).fill(String(s.dropout))
  }

  async removeBlocksAfter(n: number): Promise<void> {
    while ((await this.blocks.count()) > n) await this.page.getByRole('button', { name: `Remove block ${await this.blocks.count()}` }).click()
  }

  /** Widths of the blocks, top to bottom. */
  async widths(): Promise<string[]> {
    return this.blocks.locator('input[aria-label^="Width of block"]').evaluateAll((inputs) => inputs.map((el) => (el as HTMLInputElement).value))
  }

  async saveSpec(name: string): Promise<void> {
    await this.specs.getByRole('textbox', { name: 'Name of the saved network' }).fill(name)
    await this.specs.getByRole('button', { name: /^(Save|Replace)$/ }).click()
    await expect(this.specs.getByRole('status')).toHaveText(`Saved “${name}”.`)
  }

  async loadSpec(name: string): Promise<void> {
    await this.specs.getByRole('button', { name: `Load ${name}`, exact: true }).click()
    await expect(this.specs.getByRole('status')).toHaveText(`Loaded “${name}”.`)
  }
}
