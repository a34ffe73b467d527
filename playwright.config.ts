/**
 * End-to-end tests in browser mode against the real backend (no mocks): Playwright starts
 * `node out/main/web.js` on a fixed port with a fresh database file, then drives Chromium.
 * `npm run test:e2e` builds first (electron-vite build). Chromium: $GRADIENT_LAB_CHROMIUM,
 * else Debian's /usr/bin/chromium, else Playwright's own browser.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig, devices } from '@playwright/test'

const PORT = Number(process.env.GRADIENT_LAB_E2E_PORT ?? 5197)

// One database per test run. The config is also loaded by worker processes, which inherit the
// environment, so every process agrees on the same file.
if (!process.env.GRADIENT_LAB_E2E_DB) {
  const dir = join(tmpdir(), 'gradient-lab-e2e')
  mkdirSync(dir, { recursive: true })
  process.env.GRADIENT_LAB_E2E_DB = join(dir, `e2e-${Date.now()}-${process.pid}.db`)
}

const chromium =
  process.env.GRADIENT_LAB_CHROMIUM || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `node out/main/web.js --port ${PORT} --db "${process.env.GRADIENT_LAB_E2E_DB}"`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
})
