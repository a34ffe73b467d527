/** The shell around every page: sidebar navigation and the language switch. */
import type { Locator, Page } from '@playwright/test'

export class AppShell {
  readonly nav: Locator

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: /Main navigation|주 메뉴/ })
  }

  async open(path = '/'): Promise<void> {
    await this.page.goto(`/#${path}`)
  }

  navLink(name: string | RegExp): Locator {
    return this.nav.getByRole('link', { name })
  }

  languageButton(name: 'English' | '한국어'): Locator {
    return this.nav.getByRole('button', { name, exact: true })
  }

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, name })
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true })
  }
}
