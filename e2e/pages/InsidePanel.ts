/// <reference lib="dom" />
/** The Inside panel (issue 12) on a lab page, in History or Compare: open it, read what its canvases drew. */
import { expect, type Locator, type Page } from '@playwright/test'

export interface CanvasInk {
  /** Canvases in the part. */
  count: number
  /** Canvases with at least `min` pixels that are neither transparent nor white. */
  inked: number
}

export class InsidePanel {
  readonly root: Locator
  readonly toggle: Locator
  readonly slider: Locator
  readonly step: Locator

  constructor(readonly page: Page) {
    this.root = page.locator('[data-inside-panel]')
    this.toggle = this.root.locator('[data-inside-toggle]')
    this.slider = this.root.locator('[data-inside-slider]')
    this.step = this.root.locator('[data-inside-step]')
  }

  async open(): Promise<void> {
    await this.toggle.click()
    await expect(this.toggle).toHaveAttribute('aria-expanded', 'true')
    await expect(this.slider).toBeVisible()
  }

  grid(runName: string): Locator {
    return this.root.locator(`.inside-grid[data-run-name^="${runName}"]`)
  }

  /** Opens the panel and waits for two runs' grids, side by side. */
  async openPair(a: string, b: string): Promise<[Locator, Locator]> {
    await this.open()
    const pair: [Locator, Locator] = [this.grid(a), this.grid(b)]
    for (const grid of pair) await expect(grid).toBeVisible()
    return pair
  }

  /** Counts the canvases under `part` that really show something (pixels, not just elements). */
  async ink(part: Locator, min = 8): Promise<CanvasInk> {
    return part.evaluate((el, min) => {
      const canvases = [...el.querySelectorAll('canvas')]
      const inked = canvases.filter((c) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
        let n = 0
        for (let i = 0; i < d.length; i += 4) if (d[i + 3]! > 0 && !(d[i]! > 245 && d[i + 1]! > 245 && d[i + 2]! > 245)) n++
        return n >= min
      }).length
      return { count: canvases.length, inked }
    }, min)
  }

  async slideTo(index: number): Promise<void> {
    await this.slider.evaluate((el, i) => {
      const input = el as HTMLInputElement
      input.value = String(i)
      input.dispatchEvent(new Event('input', { bubbles: true }))
    }, index)
  }
}
