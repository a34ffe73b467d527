/// <reference lib="dom" />
/**
 * Lab 2 end to end against the real backend: run a small race, watch it live, export the chart,
 * find it again in History after a reload; cancel a long run; inline validation.
 */
import { expect, test } from '@playwright/test'
import { PNG_SIGNATURE, downloadBytes, pngPixelStats, pngText } from './helpers'
import { HistoryPage } from './pages/HistoryPage'
import { OptimizersMnistPage } from './pages/OptimizersMnistPage'

test('runs SGD against Adam live, exports the chart as PNG and finds the experiment in History', async ({ page }) => {
  const lab = new OptimizersMnistPage(page)
  await lab.goto()
  await lab.race('SGD', 'Adam')
  // 1500 iterations: on warm trainers 60 were over before the progress bars could be seen
  await lab.set({ iterations: 1500, evalEvery: 500 })

  // Record every point count the loss chart shows, to see it grow while the runs train.
  await page.evaluate(() => {
    const seen: number[] = []
    ;(window as unknown as { __points: number[] }).__points = seen
    const observer = new MutationObserver(() => {
      const el = document.querySelector('[data-testid="loss-chart"]')
      const n = Number(el?.getAttribute('data-points') ?? 0)
      if (n > 0 && seen[seen.length - 1] !== n) seen.push(n)
    })
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-points'], childList: true })
  })

  await lab.runButton.click()
  await expect(page).toHaveURL(/experiment=\d+/)
  const experimentId = Number(/experiment=(\d+)/.exec(page.url())![1])
  await expect(lab.progressBar('SGD')).toBeVisible()
  await expect(lab.progressBar('Adam')).toBeVisible()
  await lab.screenshot('lab2-running')

  await expect(lab.resultRow('SGD')).toHaveAttribute('data-status', 'finished', { timeout: 60_000 })
  await expect(lab.resultRow('Adam')).toHaveAttribute('data-status', 'finished', { timeout: 60_000 })
  await expect(lab.cancelButton).toBeHidden()
  await expect.poll(() => lab.chartPoints()).toBe(3000)
  const growth = await page.evaluate(() => (window as unknown as { __points: number[] }).__points)
  expect(growth.length, `point counts seen: ${growth.join(', ')}`).toBeGreaterThan(1)
  expect(growth[growth.length - 1]).toBe(3000)

  // The book's outcome in miniature: Adam's final loss is below SGD's.
  const lossOf = async (run: 'SGD' | 'Adam') => Number(await lab.resultRow(run).getByRole('cell').nth(1).innerText())
  expect(await lossOf('Adam')).toBeLessThan(await lossOf('SGD'))
  await lab.screenshot('lab2-finished')
  const finalRows = await lab.finalTableText()

  const download = await lab.exportLossPng()
  expect(download.suggestedFilename()).toMatch(/^gradient-lab-\d+-optimizers-on-mnist-sgd-adam-loss\.png$/)
  const png = await downloadBytes(download)
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
  expect(png.length).toBeGreaterThan(10_000)
  expect(pngText(png).Software).toBe('Gradient Lab')
  const stats = await pngPixelStats(page, png)
  expect(stats.minAlpha, 'the background is opaque').toBe(255)
  expect(stats.corner).toEqual([255, 255, 255, 255])
  expect(stats.distinctColors, 'the image is not blank').toBeGreaterThan(20)
  expect(stats.inkRatio).toBeGreaterThan(0.01)
  await download.saveAs('e2e/screenshots/lab2-loss-export.png')

  const csvText = (await downloadBytes(await lab.exportLossCsv())).toString('utf8')
  const csv = csvText.trim().split('\n')
  expect(csv[0]).toBe('iteration,sgd loss (raw),"sgd loss (smoothed, window 11)",adam loss (raw),"adam loss (smoothed, window 11)"')
  expect(csv).toHaveLength(1501)
  expect(csv[1]!.split(',').map(Number).every(Number.isFinite)).toBe(true)

  // After a reload the experiment comes back from the database, identical.
  await page.reload()
  const history = new HistoryPage(page)
  await history.gotoViaNav()
  const name = 'Optimizers on MNIST: SGD, Adam'
  // by id: the layout, forms and lesson-link specs (run earlier) made experiments of the same name
  await expect(history.rowById(experimentId)).toContainText(name)
  await expect(history.rowById(experimentId)).toContainText('2 / 2')
  await history.screenshot('history')
  await history.openExperiment(name, experimentId)
  const stored = new OptimizersMnistPage(page)
  await expect(stored.resultRow('Adam')).toHaveAttribute('data-status', 'finished')
  expect(await stored.finalTableText()).toEqual(finalRows)
  await expect.poll(() => stored.chartPoints()).toBe(3000)
  expect((await downloadBytes(await stored.exportLossCsv())).toString('utf8'), 'the same curves, point for point').toBe(csvText)
  await stored.screenshot('experiment')
})

test('cancels a long run', async ({ page }) => {
  const lab = new OptimizersMnistPage(page)
  await lab.goto()
  await lab.race('SGD')
  await lab.set({ iterations: 100_000, evalEvery: 50_000 })
  await lab.runButton.click()
  const bar = lab.progressBar('SGD')
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 }).toBeGreaterThan(0)
  await lab.cancelButton.click()
  await expect(lab.resultRow('SGD')).toHaveAttribute('data-status', 'cancelled')
  await expect(lab.resultRow('SGD').getByText('Cancelled')).toBeVisible()
  await expect(lab.cancelButton).toBeHidden()
})

test('shows why the settings are invalid, next to the field, and will not run them', async ({ page }) => {
  const lab = new OptimizersMnistPage(page)
  await lab.goto()
  await lab.number('Iterations').fill('0')
  await expect(lab.number('Iterations')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByText('must be > 0')).toBeVisible()
  await lab.race()
  await expect(page.getByText('choose at least one optimizer')).toBeVisible()
  await expect(lab.runButton).toBeDisabled()
  await lab.race('Adam')
  await page.getByRole('spinbutton', { name: 'Adam β1' }).fill('1')
  await expect(page.getByText('β1: must be < 1')).toBeVisible()
  await page.getByRole('button', { name: 'Book defaults' }).click()
  await expect(lab.runButton).toBeEnabled()
})

test('renames and deletes an experiment from History', async ({ page, request }) => {
  await request.get('/') // the app's page hands out the server's per-launch session cookie
  const started = await request.post('/api/startLab', {
    data: { labId: 'optimizers-mnist', name: 'To rename', params: { iterations: 5, evalEvery: 5, optimizers: [{ kind: 'sgd' }] } },
  })
  expect(started.ok()).toBe(true)
  const history = new HistoryPage(page)
  await history.open('/history')
  await expect(history.row(/To rename/)).toBeVisible()

  await page.getByRole('button', { name: 'Rename To rename' }).click()
  const renameDialog = page.getByRole('dialog', { name: 'Rename experiment' })
  await renameDialog.getByRole('textbox', { name: 'New name' }).fill('Renamed race')
  await renameDialog.getByRole('button', { name: 'Save' }).click()
  await expect(renameDialog).toBeHidden()
  await expect(history.row(/Renamed race/)).toBeVisible()

  await page.getByRole('button', { name: 'Delete Renamed race' }).click()
  const deleteDialog = page.getByRole('dialog', { name: 'Delete experiment?' })
  await expect(deleteDialog).toContainText('1 runs will be deleted')
  await deleteDialog.getByRole('button', { name: 'Delete' }).click()
  await expect(history.row(/Renamed race/)).toHaveCount(0)
})

test('a diverging run fails and shows its error in the final table', async ({ page }) => {
  const lab = new OptimizersMnistPage(page)
  await lab.goto()
  await lab.race('SGD')
  await page.getByRole('spinbutton', { name: 'SGD Learning rate η' }).fill('50')
  await lab.set({ iterations: 40, evalEvery: 40 })
  await lab.runButton.click()
  await expect(lab.resultRow('SGD')).toHaveAttribute('data-status', 'failed', { timeout: 60_000 })
  await expect(lab.finalTable.getByRole('alert')).not.toBeEmpty()
  await lab.screenshot('lab2-failed')
})
