/**
 * Playwright fixtures: `desktop` starts the built main process with a fresh userData folder and
 * shows its window's page in `page`; `userData` is that folder.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base } from '@playwright/test'
import { DesktopApp } from './harness/app'

export const test = base.extend<{ userData: string; desktop: DesktopApp }>({
  userData: async ({}, use) => {
    await use(mkdtempSync(join(tmpdir(), 'gradient-lab-desktop-')))
  },
  desktop: async ({ context, page, userData }, use) => {
    const app = DesktopApp.start({ userData })
    await app.route(context)
    await app.show(context, page)
    await use(app)
    await app.stop()
  },
})
export { expect } from '@playwright/test'
