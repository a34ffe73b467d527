/// <reference lib="dom" />
/**
 * Lab 7 end to end against the real backend: a 6-trial search through the UI ending in the table
 * (sorted by validation accuracy) and the heatmap, its exports, the same views from History, a
 * rectangle dragged on the heatmap launching a child search linked to its parent; pause and
 * resume; inline validation of the ranges.
 */
import { expect, test } from '@playwright/test'
import { PNG_SIGNATURE, downloadBytes, pngPixelStats, pngText } from './helpers'
import { HistoryPage } from './pages/HistoryPage'
import { RandomSearchPage } from './pages/RandomSearchPage'

const LR = 'Learning rate η'

/** A tiny search: 1 hidden layer of 16, 160 training + 40 validation samples, 4 iterations per epoch. */
async function tinySearch(lab: RandomSearchPage, trials: number, epochs: number): Promise<void> {
  await lab.goto()
  await lab.page.getByRole('button', { name: 'Book defaults' }).click()
  await lab.setHidden([16])
  await lab.set({ trials, epochs, trainSize: 200, batchSize: 40 })
  await lab.setRange(LR, 0.001, 0.5)
  await expect(lab.page.getByTestId('search-split')).toContainText('160 for training, 40 held out')
}

/** The child-search dialog's lr range, then its launch with 2 trials, the child's link to its parent and back. */
async function childRoundTrip(lab: RandomSearchPage, parentId: number, check: (min: number, max: number) => void, shot?: string): Promise<void> {
  const page = lab.page
  const dialog = page.getByRole('dialog', { name: `Search this region again (child of #${parentId})` })
  await expect(dialog).toBeVisible()
  const lrTo = dialog.locator('tr[data-param="lr"] td').last()
  check(Number(await lrTo.getAttribute('data-min')), Number(await lrTo.getAttribute('data-max')))
  if (shot) await lab.screenshot(shot)
  await dialog.getByRole('spinbutton', { name: 'Trials' }).fill('2')
  await dialog.getByRole('button', { name: 'Launch child search' }).click()
  await expect(dialog).toBeHidden()
  const childId = await lab.experimentId()
  expect(childId).not.toBe(parentId)
  await expect(page.getByTestId('search-parent')).toContainText(`child of #${parentId}`)
  await expect(lab.trialsTable.locator('tbody tr[data-status="finished"]')).toHaveCount(2, { timeout: 60_000 })

  // The parent lists its child with the child's best validation accuracy.
  await page.getByTestId('search-parent').getByRole('link').click()
  await expect(page.getByTestId('search-children').locator(`li[data-child="${childId}"]`)).toContainText(/best \d\.\d{3}/)
}

test('a 6-trial search ends in a sorted table and a heatmap; a dragged rectangle launches a linked child search', async ({ page }) => {
  test.setTimeout(240_000) // a few seconds on an idle machine; generous for a loaded CI box
  const lab = new RandomSearchPage(page)
  await tinySearch(lab, 6, 2)
  await lab.runButton.click()
  const parentId = await lab.experimentId()

  await expect(lab.trialRows).toHaveCount(6)
  await expect(lab.trialsTable.locator('tbody tr[data-status="finished"]')).toHaveCount(6, { timeout: 90_000 })
  const vals = await lab.tableValues()
  expect(vals.every((v) => v >= 0 && v <= 1)).toBe(true)
  expect(vals, 'sorted by validation accuracy, best first').toEqual([...vals].sort((a, b) => b - a))
  await expect(lab.trialRows.first()).toHaveAttribute('data-rank', '1')

  // The heatmap: six trials drawn as points, over 1 to 6 binned cells; the canvas is not blank.
  await expect.poll(() => lab.heatmapCount('trials')).toBe(6)
  const cells = await lab.heatmapCount('cells')
  expect(cells).toBeGreaterThanOrEqual(1)
  expect(cells).toBeLessThanOrEqual(6)
  expect(await lab.heatmapCount('pending')).toBe(0)
  const canvasPng = Buffer.from((await lab.heatmap.locator('canvas').evaluate((c: HTMLCanvasElement) => c.toDataURL('image/png'))).split(',')[1]!, 'base64')
  expect((await pngPixelStats(page, canvasPng)).distinctColors).toBeGreaterThan(20)
  await expect(lab.bestGrid.locator('[data-rank]')).toHaveCount(6)
  await lab.screenshot('search-e2e-finished')

  // Exports: the heatmap as an opaque PNG carrying the run ids; the table as CSV.
  const png = await downloadBytes(await lab.download('Export Heatmap as PNG'))
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
  expect(pngText(png)['Run IDs']).toMatch(/^\d+(,\d+)*$/)
  expect(JSON.parse(pngText(png).Comment!)).toMatchObject({ lab: 'random-search', seed: expect.any(Number), params: expect.any(Object) })
  expect((await pngPixelStats(page, png)).minAlpha).toBe(255)
  const csv = (await downloadBytes(await lab.download('Export Trials by validation accuracy data as CSV'))).toString('utf8').trim().split('\n')
  expect(csv[0]).toBe('rank,trial,run_id,lr,weightDecay,val_acc,train_acc,status,elapsed_ms')
  expect(csv).toHaveLength(7)

  // Drag over the left half of the plane: a child search over the narrowed ranges, linked to its parent.
  await lab.dragOnHeatmap([0.05, 0.1], [0.5, 0.9])
  await childRoundTrip(
    lab,
    parentId,
    (min, max) => {
      expect(min).toBeGreaterThanOrEqual(0.001)
      expect(max).toBeLessThan(0.5)
      expect(max).toBeGreaterThan(min)
    },
    'search-e2e-child-dialog',
  )

  // From History the stored search shows the same views.
  const history = new HistoryPage(page)
  await history.gotoViaNav()
  await page.locator(`table.history-table tr[data-experiment="${parentId}"]`).getByRole('link').first().click()
  await expect(lab.trialRows).toHaveCount(6)
  expect(await lab.tableValues()).toEqual(vals)
  await expect.poll(() => lab.heatmapCount('trials')).toBe(6)
})

test('the keyboard selects a region on the heatmap and launches a child search (issue 11, item 5)', async ({ page }) => {
  test.setTimeout(240_000)
  const lab = new RandomSearchPage(page)
  await tinySearch(lab, 4, 2)
  await lab.runButton.click()
  const parentId = await lab.experimentId()
  await expect(lab.trialsTable.locator('tbody tr[data-status="finished"]')).toHaveCount(4, { timeout: 90_000 })
  await expect.poll(() => lab.heatmapCount('trials')).toBe(4)
  const selection = lab.heatmap.getByTestId('heatmap-selection')
  const said = lab.heatmap.getByTestId('heatmap-announce')

  // Focus the plot (a visible outline), Enter shows a selection, Escape drops it.
  await lab.heatmap.focus()
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Tab') // reached by the keyboard: :focus-visible
  await expect(lab.heatmap).toBeFocused()
  expect(await lab.heatmap.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid')
  await page.keyboard.press('Enter')
  await expect(selection).toBeVisible()
  await expect(said).toContainText('Selecting a region')
  await page.keyboard.press('Escape')
  await expect(selection).toBeHidden()
  await expect(said).toHaveText('Selection cancelled.')

  // Enter again: the middle half; five steps left reach the left edge, two Shift+Left narrow it to 0–40 % of the lr axis.
  await page.keyboard.press('Enter')
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft')
  for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+ArrowLeft')
  await expect(said).toContainText('Learning rate η')
  const [left, , right] = (await lab.heatmap.getAttribute('data-area'))!.split(',').map(Number) as [number, number, number, number]
  const box = (await selection.boundingBox())!
  const plot = (await lab.heatmap.boundingBox())!
  expect((box.x - plot.x - left) / (right - left)).toBeCloseTo(0, 1)
  expect(box.width / (right - left)).toBeCloseTo(0.4, 1)
  await page.keyboard.press('Enter')

  // 40 % of log10(0.001…0.5) is 10^−1.92 ≈ 0.012, rounded outwards to two digits.
  await childRoundTrip(lab, parentId, (min, max) => {
    expect(min).toBe(0.001)
    expect(max).toBeGreaterThanOrEqual(0.011)
    expect(max).toBeLessThanOrEqual(0.014)
  })
})

test('pause keeps the finished trials, resume runs the others', async ({ page }) => {
  test.setTimeout(480_000)
  const lab = new RandomSearchPage(page)
  // 3000 epochs a trial: on warm trainers 300-epoch trials sometimes all ended before Pause was pressed
  await tinySearch(lab, 6, 3000)
  await lab.runButton.click()
  await lab.experimentId()
  await expect(lab.trialsTable.locator('tbody tr[data-status="finished"]').first()).toBeVisible({ timeout: 150_000 })
  await lab.progress.getByRole('button', { name: /Pause/ }).click()
  await expect(lab.progress).toHaveAttribute('data-state', 'stopped')
  const finished = await lab.trialsTable.locator('tbody tr[data-status="finished"]').count()
  expect(finished).toBeGreaterThanOrEqual(1)
  expect(finished).toBeLessThan(6)
  await expect(lab.trialsTable.locator('tbody tr[data-status="cancelled"]')).toHaveCount(6 - finished)
  await lab.screenshot('search-e2e-paused')
  await lab.progress.getByRole('button', { name: /Resume/ }).click()
  await expect(lab.trialsTable.locator('tbody tr[data-status="finished"]')).toHaveCount(6, { timeout: 240_000 })
  await expect(lab.progress).toBeHidden()
})

test('refuses an invalid range with the reason', async ({ page }) => {
  const lab = new RandomSearchPage(page)
  await lab.goto()
  await lab.setRange(LR, 0.01, 0.001)
  await expect(page.getByText('max must be greater than min')).toBeVisible()
  await expect(lab.runButton).toBeDisabled()
  await lab.setRange(LR, 0, 0.01)
  await expect(page.getByText('a log range needs min > 0')).toBeVisible()
  await lab.setRange(LR, 1e-6, 1e-2)
  await expect(lab.runButton).toBeEnabled()
})
