/// <reference lib="dom" />
/**
 * Lab 3 end to end: the whole grid init × activation computed in the page (in a worker), the
 * book's outcomes flagged where they belong, one cell opened large, the grid exported as PNG.
 */
import { expect, test } from '@playwright/test'
import { PNG_SIGNATURE, downloadBytes, pngPixelStats, pngText } from './helpers'
import { InitHistogramsPage } from './pages/InitHistogramsPage'

test('shows 15 cells × 5 layers, flags what the book shows, opens a cell large and exports the grid', async ({ page }) => {
  const lab = new InitHistogramsPage(page)
  await lab.goto()
  await lab.computed(15, 5)

  // std 1 + sigmoid piles at 0 and 1: every layer saturated. Xavier + sigmoid and He + ReLU: no flag.
  await expect(lab.cell('std=1', 'sigmoid')).toHaveAttribute('data-flags', /\bsaturated\b/)
  await expect(lab.cell('std=1', 'sigmoid').locator('[data-layer][data-flags*="saturated"]')).toHaveCount(5)
  await expect(lab.cell('std=0.01', 'sigmoid')).toHaveAttribute('data-flags', /\bnarrow\b/)
  await expect(lab.cell('Xavier', 'sigmoid')).toHaveAttribute('data-flags', '')
  await expect(lab.cell('He', 'relu')).toHaveAttribute('data-flags', '')
  for (const a of ['sigmoid', 'relu', 'tanh'] as const) await expect(lab.cell('zero', a)).toHaveAttribute('data-flags', /\bidentical\b/)
  await lab.screenshot('lab3-grid')

  await lab.cell('std=1', 'sigmoid').click()
  await expect(lab.detail).toHaveAttribute('data-init', 'std=1')
  await expect(lab.detail.getByTestId('hist-bins').locator('tbody tr')).toHaveCount(30)
  await expect(lab.detail.getByText(/pile up at 0 and 1/)).toBeVisible()
  await lab.detail.screenshot({ path: 'e2e/screenshots/lab3-detail.png' })

  const download = await lab.exportPng()
  expect(download.suggestedFilename()).toBe('gradient-lab-init-histograms.png')
  const png = await downloadBytes(download)
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
  expect(pngText(png).Software).toBe('Gradient Lab')
  expect(png.includes(Buffer.from('"seed":1'))).toBe(true)
  const stats = await pngPixelStats(page, png)
  expect(stats.minAlpha, 'opaque').toBe(255)
  expect(stats.corner).toEqual([255, 255, 255, 255])
  expect(stats.distinctColors).toBeGreaterThan(30)
  expect(stats.inkRatio).toBeGreaterThan(0.02)
  await download.saveAs('e2e/screenshots/lab3-export.png')

  // The grid follows the settings: fewer activations at once (cells kept), other sizes recomputed.
  await page.getByRole('checkbox', { name: 'tanh' }).uncheck()
  await lab.computed(10, 5)
  await page.getByRole('spinbutton', { name: 'Input samples' }).fill('100')
  await page.getByRole('spinbutton', { name: 'Layers' }).fill('3')
  await lab.computed(10, 3)
  const flags = await lab.cells.evaluateAll((cells) => cells.map((c) => `${c.getAttribute('data-init')}/${c.getAttribute('data-activation')}:${c.getAttribute('data-flags')}`))

  // Saved to History, the stored grid is the same grid.
  await page.getByRole('button', { name: 'Save to History' }).click()
  await page.getByRole('link', { name: 'Open it' }).click()
  await expect(lab.heading(/^Initial weights → activation histograms: /)).toBeVisible()
  await lab.computed(10, 3)
  expect(await lab.cells.evaluateAll((cells) => cells.map((c) => `${c.getAttribute('data-init')}/${c.getAttribute('data-activation')}:${c.getAttribute('data-flags')}`))).toEqual(flags)
  await lab.screenshot('lab3-history')
  await lab.navLink(/Init → activations/).click()
  await lab.computed(10, 3)

  await page.getByRole('spinbutton', { name: 'Bins' }).fill('1')
  await expect(page.getByText('must be ≥ 2')).toBeVisible()
  await expect(lab.cells).toHaveCount(10)

  await lab.languageButton('한국어').click()
  await expect(lab.heading('가중치의 초기값 → 활성화값 히스토그램')).toBeVisible()
  await page.getByRole('button', { name: '책의 기본값' }).click()
  await lab.computed(15, 5)
  await lab.screenshot('lab3-ko')
  await lab.languageButton('English').click()
})
