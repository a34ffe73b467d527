/** The shell around every page: sidebar navigation and the language switch. */
import { expect, type Download, type Locator, type Page } from '@playwright/test'
import { labPath, labTexts, type LabId } from '../labs'

export class AppShell {
  readonly nav: Locator

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: /Main navigation|주 메뉴/ })
  }

  async open(path = '/'): Promise<void> {
    await this.page.goto(`/#${path}`)
  }

  /** Opens a lab's page by its id and waits for its title. */
  async openLab(id: LabId): Promise<void> {
    await this.open(labPath(id))
    await expect(this.heading(labTexts(id).title)).toBeVisible()
  }

  navLink(name: string | RegExp): Locator {
    return this.nav.getByRole('link', { name })
  }

  languageButton(name: 'English' | '한국어'): Locator {
    return this.nav.getByRole('button', { name, exact: true })
  }

  /** Clicks `button` and returns the download it starts. */
  async downloadFrom(button: Locator): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()])
    return download
  }

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, name })
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true })
  }
}
