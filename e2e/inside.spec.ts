/// <reference lib="dom" />
/**
 * The Inside panel (issue 12) end to end against the real backend: lab 4 (std=0.01 beside He)
 * and lab 5 (BN beside no BN at one scale) train for real, then the panel's histograms, digits,
 * weight tiles and confusion matrices are checked by their pixels, the time slider moves every
 * part, and screenshots are taken at 1366×768 and 1920×1080 in English and Korean.
 */
import { expect, test, type Page } from '@playwright/test'
import { BatchnormPage } from './pages/BatchnormPage'
import { InitMnistPage } from './pages/InitMnistPage'
import { InsidePanel } from './pages/InsidePanel'

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const

async function shoot(page: Page, inside: InsidePanel, name: string): Promise<void> {
  for (const lang of ['en', 'ko'] as const) {
    await page.getByRole('navigation').getByRole('button', { name: lang === 'en' ? 'English' : '한국어', exact: true }).click()
    await expect(inside.toggle).toHaveText(lang === 'en' ? 'Hide' : '숨기기')
    for (const size of SIZES) {
      await page.setViewportSize(size)
      // The panel's top (grids), then its lower part (digits, tiles, confusion matrices).
      await inside.root.evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await page.screenshot({ path: `e2e/screenshots/inside-${name}-${lang}-${size.width}.png` })
      await inside.root.locator('[data-inside-digits]').evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await page.screenshot({ path: `e2e/screenshots/inside-${name}-${lang}-${size.width}-digits.png` })
    }
  }
  await page.getByRole('navigation').getByRole('button', { name: 'English', exact: true }).click()
  await page.setViewportSize({ width: 1440, height: 900 })
}

test('lab 4: std=0.01 beside He, inside the network', async ({ page }) => {
  test.setTimeout(240_000)
  const lab = new InitMnistPage(page)
  await lab.goto()
  await lab.fill({ Iterations: 40, 'Evaluate every': 10 })
  await lab.run()
  for (const run of ['std=0.01', 'Xavier', 'He']) await expect(lab.resultRow(run)).toHaveAttribute('data-status', 'finished', { timeout: 200_000 })

  const inside = new InsidePanel(page)
  const [std, he] = await inside.openPair('std=0.01', 'He')
  // 4 hidden layers + the output, 3 time columns each (two runs side by side): every bar chart drawn.
  await expect(std.locator('tbody tr')).toHaveCount(5)
  const stdInk = await inside.ink(std, 2)
  expect(stdInk.count).toBe(15)
  expect(stdInk.inked).toBe(15)
  expect((await inside.ink(he, 2)).inked).toBe(15)
  // The lesson: std=0.01's later layers collapse towards 0, He's stay spread.
  await expect(std.locator('tr[data-layer="4"] [data-flag="collapsed"]')).toBeVisible()
  await expect(he.locator('[data-flag="collapsed"]')).toHaveCount(0)

  const digits = inside.root.locator('[data-inside-digits]')
  expect(await inside.ink(digits, 40)).toEqual({ count: 32, inked: 32 })
  // std=0.01 has learnt nothing after 40 iterations: it is wrong on most digits.
  expect(await digits.locator('.digit[data-wrong="true"]').count()).toBeGreaterThan(10)
  expect(await inside.ink(inside.root.locator('[data-inside-tiles]'), 500)).toEqual({ count: 2, inked: 2 })
  expect(await inside.ink(inside.root.locator('[data-inside-confusion]'), 500)).toEqual({ count: 2, inked: 2 })

  // One slider moves every part: back to iteration 0.
  await expect(inside.step).toHaveText('Iteration 40')
  await inside.slideTo(0)
  await expect(inside.step).toHaveText('Iteration 0')
  await expect(std.locator('thead th.now')).toHaveText('0')
  await expect(inside.root.locator('[data-inside-tiles] figcaption').first()).toContainText('weights at iteration 0')
  await inside.slideTo(4)
  await expect(inside.step).toHaveText('Iteration 40')
  await shoot(page, inside, 'lab4')
})

test('lab 5: with and without batch normalization at one scale, inside the network', async ({ page }) => {
  test.setTimeout(240_000)
  const lab = new BatchnormPage(page)
  await lab.goto()
  // 3 scales (not batchnorm.spec's 4: History there looks its experiment up by name)
  await lab.fill({ 'Number of weight scales': 3, Epochs: 3, 'Training samples': 200 })
  await lab.run()
  await expect.poll(() => lab.cellStates(), { timeout: 200_000 }).toEqual(['done', 'done', 'done'])

  const inside = new InsidePanel(page)
  // The default pair: the scale nearest 10^−2.25 (here 0.00736), BN beside no BN.
  const [bn, plain] = await inside.openPair('w=0.00736 BN', 'w=0.00736 no BN')
  await expect(bn.locator('tbody tr')).toHaveCount(6)
  expect((await inside.ink(bn, 2)).inked).toBe(18)
  expect((await inside.ink(plain, 2)).inked).toBe(18)
  // BN keeps every layer spread; without it the later layers collapse.
  await expect(bn.locator('[data-flag="collapsed"]')).toHaveCount(0)
  await expect(plain.locator('tr[data-layer="5"] [data-flag="collapsed"]')).toBeVisible()
  expect(await inside.ink(inside.root.locator('[data-inside-digits]'), 40)).toEqual({ count: 32, inked: 32 })
  expect(await inside.ink(inside.root.locator('[data-inside-tiles]'), 500)).toEqual({ count: 2, inked: 2 })
  await shoot(page, inside, 'lab5')
})
