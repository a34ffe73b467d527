/**
 * When the backend goes away the app says so, and it recovers by itself when the backend is back
 * (EventSource reconnects). This test runs its own short-lived server, since it has to stop it.
 */
import { expect, test } from '@playwright/test'
import { AppShell } from './pages/AppShell'
import { startOwnServer } from './server'

const PORT = Number(process.env.GRADIENT_LAB_E2E_PORT ?? 5197) + 1

test('shows when the backend connection is lost and recovers when it is back', async ({ page }) => {
  let server = await startOwnServer(PORT, 'conn')
  try {
    const shell = new AppShell(page)
    await page.goto(`${server.url}/#/history`)
    await expect(shell.heading('History')).toBeVisible()
    const banner = page.getByRole('alert').filter({ hasText: 'lab server' })
    await expect(banner).toHaveCount(0)

    await server.stop()
    await expect(banner).toBeVisible()
    await expect(banner).toContainText('Connection to the lab server lost')

    server = await startOwnServer(PORT, 'conn', { db: server.db })
    await expect(banner).toHaveCount(0, { timeout: 30_000 })
  } finally {
    await server.stop()
  }
})
