/// <reference lib="dom" />
/**
 * Lab 5 end to end against the real backend: 4 weight scales × with/without batch normalization,
 * 2 epochs on 200 samples. The cells appear, fill in as runs end, the experiment finishes, a cell
 * opens large, the grid exports as one opaque PNG, and History redraws it identically.
 */
import { expect, test } from '@playwright/test'
import { PNG_SIGNATURE, downloadBytes, pngPixelStats, pngText } from './helpers'
import { BatchnormPage } from './pages/BatchnormPage'
import { HistoryPage } from './pages/HistoryPage'

const TITLES = ['W: 1.0', 'W: 0.046', 'W: 0.0022', 'W: 0.0001']

test('runs 4 weight scales with and without batch normalization, opens one large, exports the grid, reopens it from History', async ({ page }) => {
  // 8 short runs, 2 at a time: about 15 s on an idle 2-core machine, much more on a loaded one.
  // 2000 samples (20 iterations an epoch): on warm trainers 200 samples ended all 8 runs before
  // the page could see the grid fill in.
  test.setTimeout(240_000)
  const lab = new BatchnormPage(page)
  await lab.goto()
  await lab.fill({ 'Number of weight scales': 4, Epochs: 2, 'Training samples': 2000 })
  await expect(page.getByText('8 runs.')).toBeVisible()

  // Every state a cell shows, in order, to see the grid fill in while the queue works.
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { __states: string[] }).__states = seen
    new MutationObserver(() => {
      const states = [...document.querySelectorAll('[data-testid="bn-grid"] .cell')].map((c) => c.getAttribute('data-state')).join(',')
      if (states && seen[seen.length - 1] !== states) seen.push(states)
    }).observe(document.body, { subtree: true, attributes: true, childList: true, attributeFilter: ['data-state'] })
  })

  await lab.run()
  await expect(lab.cells).toHaveCount(4)
  for (const title of TITLES) await expect(lab.cell(title)).toBeVisible()
  await expect(lab.progress).toBeVisible()
  await expect(lab.progress.getByTestId('runs-done')).toContainText('/ 8')
  await lab.screenshot('lab5-running')

  await expect.poll(() => lab.cellStates(), { timeout: 180_000 }).toEqual(['done', 'done', 'done', 'done'])
  await expect(lab.progress).toBeHidden()
  await expect(lab.summary).toContainText('of 4 weight scales')
  const states = await page.evaluate(() => (window as unknown as { __states: string[] }).__states)
  expect(states.some((s) => s.split(',').some((x) => x !== 'done')), `states seen: ${states.join(' | ')}`).toBe(true)
  // 3 accuracy points per run (epoch 0, 1, 2), two runs per cell, unless a run diverged.
  const points = await lab.cellPoints()
  expect(points.every((n) => n >= 4 && n <= 6), `points per cell: ${points}`).toBe(true)
  await lab.screenshot('lab5-finished')

  // One scale opened large: train and test accuracy of both runs.
  await lab.cell('W: 0.0001').click()
  await expect(lab.dialog).toBeVisible()
  await expect(lab.dialog.getByRole('heading', { name: 'Weight scale W = 0.0001' })).toBeVisible()
  await expect.poll(() => lab.points('bn-cell-chart', lab.dialog)).toBe(12)
  await lab.screenshot('lab5-cell-large')
  await lab.dialog.getByRole('button', { name: 'Close' }).click()
  await expect(lab.dialog).toBeHidden()

  const download = await lab.download('Export the grid as PNG')
  expect(download.suggestedFilename()).toMatch(/^gradient-lab-\d+-batch-normalization-4-weight-scales.*-train-accuracy-grid\.png$/)
  const png = await downloadBytes(download)
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
  expect(pngText(png).Software).toBe('Gradient Lab')
  // the grid carries its settings and seed, like every exported figure
  expect(JSON.parse(pngText(png).Comment!)).toMatchObject({ lab: 'batchnorm', seed: expect.any(Number), params: { scales: expect.any(Number) } })
  const stats = await pngPixelStats(page, png)
  expect(stats.minAlpha, 'the background is opaque').toBe(255)
  expect(stats.corner).toEqual([255, 255, 255, 255])
  expect(stats.width, 'four cells side by side').toBeGreaterThan(stats.height)
  expect(stats.distinctColors, 'the image is not blank').toBeGreaterThan(20)
  await download.saveAs('e2e/screenshots/lab5-grid-export.png')

  const summary = await lab.summary.innerText()
  await page.reload()
  const history = new HistoryPage(page)
  await history.gotoViaNav()
  const name = 'Batch normalization: 4 weight scales × with/without'
  await expect(history.row(new RegExp(name))).toContainText('8 / 8')
  await history.openExperiment(name)
  const stored = new BatchnormPage(page)
  await expect.poll(() => stored.cellStates()).toEqual(['done', 'done', 'done', 'done'])
  await expect.poll(() => stored.cellPoints()).toEqual(points)
  await expect.poll(() => stored.summary.innerText()).toBe(summary)
  await stored.cell('W: 1.0').click()
  await expect.poll(() => stored.points('bn-cell-chart', stored.dialog)).toBeGreaterThan(0)
})

test('checks the number of scales inline', async ({ page }) => {
  const lab = new BatchnormPage(page)
  await lab.goto()
  await lab.fill({ 'Number of weight scales': 17 })
  await expect(lab.number('Number of weight scales')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByText('must be ≤ 16')).toBeVisible()
  await expect(lab.runButton).toBeDisabled()
  await page.getByRole('button', { name: 'Book defaults' }).click()
  await expect(lab.runButton).toBeEnabled()
})
