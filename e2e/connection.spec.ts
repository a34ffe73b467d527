/**
 * When the backend goes away the app says so, and it recovers by itself when the backend is back
 * (EventSource reconnects). This test runs its own short-lived server, since it has to stop it.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { AppShell } from './pages/AppShell'

const PORT = Number(process.env.GRADIENT_LAB_E2E_PORT ?? 5197) + 1
const DB = join(mkdtempSync(join(tmpdir(), 'gradient-lab-e2e-conn-')), 'conn.db')

async function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['out/main/web.js', '--port', String(PORT), '--db', DB], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout!.setEncoding('utf8')
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: string) => {
      out += chunk
      if (out.includes('is at http')) resolve()
    })
    child.once('exit', (code) => reject(new Error(`web server exited early (${code}): ${out}`)))
  })
  return child
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  child.kill('SIGTERM')
  await once(child, 'exit')
}

test('shows when the backend connection is lost and recovers when it is back', async ({ page }) => {
  let server = await startServer()
  try {
    const shell = new AppShell(page)
    await page.goto(`http://127.0.0.1:${PORT}/#/history`)
    await expect(shell.heading('History')).toBeVisible()
    const banner = page.getByRole('alert').filter({ hasText: 'lab server' })
    await expect(banner).toHaveCount(0)

    await stopServer(server)
    await expect(banner).toBeVisible()
    await expect(banner).toContainText('Connection to the lab server lost')

    server = await startServer()
    await expect(banner).toHaveCount(0, { timeout: 30_000 })
  } finally {
    await stopServer(server)
  }
})
