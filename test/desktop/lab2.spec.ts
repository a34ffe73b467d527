/// <reference lib="dom" />
/**
 * Lab 2 in the desktop app: from the UI through IPC to utility-process trainers and SQLite in
 * the userData folder; the chart grows from webContents.send events; the final table appears.
 * The files the app opened on the way must all be shipped by electron-builder.yml.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { OptimizersMnistPage } from '../../e2e/pages/OptimizersMnistPage'
import { expect, test } from './fixtures'
import { DesktopApp, ROOT } from './harness/app'
import { uncoveredFiles } from './harness/packaging'

test('runs SGD against Adam from the UI: IPC, utility processes, SQLite in userData, live chart, final table; every file it opened is packaged', async ({
  page,
  context,
  userData,
}) => {
  const openLog = join(userData, '..', `${userData.split('/').pop()}-opened.log`)
  const desktop = DesktopApp.start({ userData, openLog })
  try {
    await desktop.route(context)
    await desktop.show(context, page)
    const lab = new OptimizersMnistPage(page)
    await lab.goto()
    await lab.race('SGD', 'Adam')
    await lab.set({ iterations: 60, evalEvery: 30 })
    await page.evaluate(() => {
      const seen: number[] = []
      ;(window as unknown as { __points: number[] }).__points = seen
      new MutationObserver(() => {
        const n = Number(document.querySelector('[data-testid="loss-chart"]')?.getAttribute('data-points') ?? 0)
        if (n > 0 && seen[seen.length - 1] !== n) seen.push(n)
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-points'], childList: true })
    })
    await lab.runButton.click()
    await expect(lab.resultRow('SGD')).toHaveAttribute('data-status', 'finished', { timeout: 90_000 })
    await expect(lab.resultRow('Adam')).toHaveAttribute('data-status', 'finished', { timeout: 90_000 })
    await expect.poll(() => lab.chartPoints()).toBe(120)
    const growth = await page.evaluate(() => (window as unknown as { __points: number[] }).__points)
    expect(growth.length, `point counts seen live: ${growth.join(', ')}`).toBeGreaterThan(1)
    await expect(lab.finalTable.locator('tbody tr')).toHaveCount(2)
    await page.screenshot({ path: 'test-results/desktop/lab2-finished.png', fullPage: true })

    // Trainers were utility processes running the built trainer entry.
    expect(desktop.forks).toEqual([join(ROOT, 'out/main/trainer.js'), join(ROOT, 'out/main/trainer.js')])

    // The history is in the userData folder, as the UI shows it.
    const db = new Database(join(userData, 'gradient-lab.db'), { readonly: true })
    try {
      const runs = db.prepare('SELECT label, status FROM runs ORDER BY id').all()
      expect(runs).toEqual([
        { label: 'sgd', status: 'finished' },
        { label: 'adam', status: 'finished' },
      ])
      const points = db.prepare("SELECT count(*) AS n FROM metrics").get() as { n: number }
      expect(points.n).toBeGreaterThan(100)
    } finally {
      db.close()
    }
  } finally {
    await desktop.quit()
  }

  // Packaging: every file of the checkout the main process and its trainers opened.
  const opened = [...new Set(readFileSync(openLog, 'utf8').split('\n').filter(Boolean))]
  const ours = opened.filter((p) => p.startsWith(`${ROOT}/`)).map((p) => p.slice(ROOT.length + 1))
  for (const needed of ['out/main/index.js', 'out/main/trainer.js', 'out/preload/index.js', 'out/renderer/index.html', 'resources/mnist-10k.bin']) {
    expect(ours, `${needed} was opened at run time`).toContain(needed)
  }
  expect(ours.some((p) => p.endsWith('better_sqlite3.node')), 'the native binding was loaded').toBe(true)
  expect(ours.some((p) => p.startsWith('node_modules/zod/')), 'a production dependency was loaded').toBe(true)
  expect(uncoveredFiles(ours)).toEqual([])
})
