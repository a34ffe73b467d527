/// <reference lib="dom" />
/**
 * Quitting mid-run (app.quit: before-quit, windows closed, will-quit, quit) leaves the run
 * 'interrupted' with its metrics so far, not lost: the next start shows it so and can resume it.
 */
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { HistoryPage } from '../../e2e/pages/HistoryPage'
import { OptimizersMnistPage } from '../../e2e/pages/OptimizersMnistPage'
import { expect, test } from './fixtures'
import { DesktopApp } from './harness/app'

test('quitting during a run leaves it interrupted with its metrics, and the next start shows it', async ({ browser, userData }) => {
  const first = DesktopApp.start({ userData })
  const context = await browser.newContext()
  const page = await context.newPage()
  let runId = 0
  try {
    await first.route(context)
    await first.show(context, page)
    const lab = new OptimizersMnistPage(page)
    await lab.goto()
    await lab.race('SGD')
    await lab.set({ iterations: 100_000, evalEvery: 50 })
    await lab.runButton.click()
    const bar = lab.progressBar('SGD')
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 60_000 }).toBeGreaterThan(0)
    await expect.poll(() => lab.chartPoints(), { timeout: 60_000 }).toBeGreaterThan(0)
    expect(await first.quit(), 'the app exits cleanly').toBe(0)
  } finally {
    await context.close()
    await first.stop()
  }

  const db = new Database(join(userData, 'gradient-lab.db'), { readonly: true })
  try {
    const run = db.prepare('SELECT id, status, error, finished_at FROM runs').get() as { id: number; status: string; error: string; finished_at: string | null }
    runId = run.id
    expect(run.status).toBe('interrupted')
    expect(run.error).toMatch(/closed while this run was training/)
    expect(run.finished_at).not.toBeNull()
    const kept = db.prepare('SELECT count(*) AS n FROM metrics WHERE run_id = ?').get(run.id) as { n: number }
    expect(kept.n, 'the metrics recorded before the quit are kept').toBeGreaterThan(0)
  } finally {
    db.close()
  }

  // The next start: History lists it as interrupted.
  const second = DesktopApp.start({ userData })
  const context2 = await browser.newContext()
  const page2 = await context2.newPage()
  try {
    await second.route(context2)
    await second.show(context2, page2)
    const history = new HistoryPage(page2)
    await history.gotoViaNav()
    await expect(history.row(/Optimizers on MNIST: SGD/)).toContainText('Interrupted')
    await page2.screenshot({ path: 'test-results/desktop/history-interrupted.png', fullPage: true })
    expect(runId).toBeGreaterThan(0)
  } finally {
    await context2.close()
    await second.quit()
  }
})
