/// <reference lib="dom" />
/** Lab 7, "Hyperparameter random search": the form with its searched ranges, the live search, the heatmap and its drag-to-zoom. */
import { expect, type Download, type Locator, type Page } from '@playwright/test'
import { AppShell } from './AppShell'

export class RandomSearchPage extends AppShell {
  readonly runButton: Locator
  readonly heatmap: Locator
  readonly trialsTable: Locator
  readonly trialRows: Locator
  readonly bestGrid: Locator
  readonly progress: Locator

  constructor(page: Page) {
    super(page)
    this.runButton = page.getByRole('button', { name: 'Run', exact: true })
    this.heatmap = page.getByTestId('search-heatmap-chart')
    this.trialsTable = page.getByTestId('search-trials')
    this.trialRows = this.trialsTable.locator('tbody tr')
    this.bestGrid = page.getByTestId('search-best')
    this.progress = page.getByTestId('search-progress')
  }

  async goto(): Promise<void> {
    await this.openLab('random-search')
  }

  number(name: string): Locator {
    return this.page.getByRole('spinbutton', { name, exact: true })
  }

  /** Keeps `widths.length` hidden blocks with these widths. */
  async setHidden(widths: number[]): Promise<void> {
    const remove = () => this.page.getByRole('button', { name: /^Remove block \d+$/ })
    while ((await remove().count()) > widths.length) await remove().last().click()
    for (const [i, w] of widths.entries()) await this.number(`Width of block ${i + 1}`).fill(String(w))
  }

  async set(values: { trials?: number; epochs?: number; trainSize?: number; validationSplit?: number; batchSize?: number; seed?: number }): Promise<void> {
    const labels = { trials: 'Trials', epochs: 'Epochs per trial', trainSize: 'Training samples', validationSplit: 'Validation share', batchSize: 'Mini-batch size', seed: 'Seed' }
    for (const [key, value] of Object.entries(values)) await this.number(labels[key as keyof typeof labels]).fill(String(value))
  }

  /** Sets the range of a searched hyperparameter by its label ('Learning rate η'). */
  async setRange(param: string, min: number, max: number): Promise<void> {
    await this.number(`Minimum of ${param}`).fill(String(min))
    await this.number(`Maximum of ${param}`).fill(String(max))
  }

  async experimentId(): Promise<number> {
    await expect(this.page).toHaveURL(/experiment=\d+/)
    return Number(new URL(this.page.url().replace('/#/', '/')).searchParams.get('experiment'))
  }

  /** The table's validation accuracies, top to bottom ('' for unfinished trials). */
  async tableValues(): Promise<number[]> {
    return (await this.trialRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-val') ?? ''))).map(Number)
  }

  async heatmapCount(attr: 'trials' | 'cells' | 'pending'): Promise<number> {
    return Number(await this.heatmap.getAttribute(`data-${attr}`))
  }

  /** Drags over the plot area from one fraction of it to another (0,0 = top left). */
  async dragOnHeatmap(from: [number, number], to: [number, number]): Promise<void> {
    await this.heatmap.scrollIntoViewIfNeeded()
    const [left, top, right, bottom] = (await this.heatmap.getAttribute('data-area'))!.split(',').map(Number) as [number, number, number, number]
    const box = (await this.heatmap.boundingBox())!
    const at = ([fx, fy]: [number, number]) => [box.x + left + (right - left) * fx, box.y + top + (bottom - top) * fy] as const
    await this.page.mouse.move(...at(from))
    await this.page.mouse.down()
    await this.page.mouse.move(...at([(from[0] + to[0]) / 2, (from[1] + to[1]) / 2]), { steps: 4 })
    await this.page.mouse.move(...at(to), { steps: 4 })
    await this.page.mouse.up()
  }

  async download(buttonName: string | RegExp): Promise<Download> {
    return this.downloadFrom(this.page.getByRole('button', { name: buttonName }))
  }
}
