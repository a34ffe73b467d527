/**
 * `npm run test:desktop`: the desktop app emulated end to end (see harness/app.ts). The built
 * main process runs under Node with the `electron` stand-in; Chromium shows its window's page.
 * Chromium: $GRADIENT_LAB_CHROMIUM, else Debian's /usr/bin/chromium, else Playwright's own
 * (scripts/find-browser.mjs makes sure one exists first).
 */
import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'

const chromium = process.env.GRADIENT_LAB_CHROMIUM || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../../test-results/desktop',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  use: {
    ...devices['Desktop Chrome'],
    baseURL: 'https://gradient-lab/',
    viewport: { width: 1366, height: 768 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
})
