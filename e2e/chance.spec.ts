/**
 * Results that show nothing say so, end to end against the real backend: a short lab-4 run with
 * std 0.01 stays at chance level (it does not learn) and its final table, and History, say it; a
 * tiny search whose learning rates are far too small stays at chance in every trial, and the
 * page says the search shows nothing while the heatmap's colours stay on the 0–1 scale.
 * Screenshots at 1366×768 and 1920×1080, in English and Korean.
 */
import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { HistoryPage } from './pages/HistoryPage'
import { InitMnistPage } from './pages/InitMnistPage'

/** The share of the most frequent digit among the built-in training split, read from the file's train labels here. */
function builtinMajority(): number {
  const file = readFileSync('resources/mnist-10k.bin')
  const [train, rows, cols] = [file.readUInt32LE(12), file.readUInt32LE(20), file.readUInt32LE(24)]
  const counts = new Map<number, number>()
  for (const l of file.subarray(40 + train * rows * cols, 40 + train * rows * cols + train)) counts.set(l, (counts.get(l) ?? 0) + 1)
  return Math.max(...counts.values()) / train
}

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const

async function shots(page: Page, shell: InitMnistPage | HistoryPage, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size)
    await shell.screenshot(`${name}-${size.width}`)
  }
}

test('a short run that stays at chance level is flagged in its table and in History', async ({ page }) => {
  test.setTimeout(150_000)
  const lab = new InitMnistPage(page)
  await lab.goto()
  for (const init of ['Xavier √(1/n)', 'He √(2/n)'] as const) await lab.init(init).uncheck()
  await lab.fill({ Iterations: 20, 'Evaluate every': 10 })
  const id = await lab.run()
  await expect(lab.resultRow('std=0.01')).toHaveAttribute('data-status', 'finished', { timeout: 120_000 })
  const note = page.locator('tr[data-chance-run="std=0.01"]')
  await expect(note).toContainText('At chance level')
  // the chance level is the majority class of the 8,000 training digits (912 ones: 11.4 %), above 1/10
  await expect(note).toContainText(`most frequent class of its training rows scores (${(100 * builtinMajority()).toFixed(1)}%`)
  await shots(page, lab, 'chance-lab4-en')

  await lab.languageButton('한국어').click()
  await expect(note).toContainText('무작위 수준')
  await shots(page, lab, 'chance-lab4-ko')
  await lab.languageButton('English').click()

  const history = new HistoryPage(page)
  await history.open('/history')
  await expect(page.locator(`tr[data-experiment="${id}"]`).getByTestId('history-chance')).toHaveText('chance level')
  await shots(page, lab, 'chance-history-en')
})

test('a search where every trial stayed at chance says it shows nothing; the colour scale stays 0–1', async ({ page, request }) => {
  test.setTimeout(150_000)
  const params = {
    hidden: [{ width: 16, batchNorm: false, activation: 'relu', dropout: 0 }],
    trainSize: 200,
    validationSplit: 0.2,
    batchSize: 40,
    budget: { unit: 'epochs', count: 1 },
    trials: 3,
    ranges: [
      { param: 'lr', min: 1e-7, max: 1e-6, scale: 'log' },
      { param: 'weightDecay', min: 1e-8, max: 1e-6, scale: 'log' },
    ],
  }
  await request.get('/') // the app's page hands out the server's per-launch session cookie
  const res = await request.post('/api/startLab', { data: { labId: 'random-search', params, name: 'Stuck at chance' } })
  expect(res.ok(), await res.text()).toBe(true)
  const { experimentId } = (await res.json()) as { experimentId: number }
  const lab = new InitMnistPage(page)
  await lab.open(`/labs/random-search?experiment=${experimentId}`)
  const banner = page.getByTestId('search-chance')
  await expect(banner).toHaveAttribute('data-all', 'true', { timeout: 120_000 })
  await expect(banner).toContainText('Every trial stayed at chance level')
  await expect(page.getByTestId('trial-chance')).toHaveCount(3)
  await expect(page.getByTestId('heatmap-color-shown')).toHaveText('shown: 0.00–1.00')
  await shots(page, lab, 'chance-search-en')

  // Auto fits the trials' own (narrow) range, and says which.
  await page.getByTestId('heatmap-color-mode').getByText('Auto').click()
  await expect(page.getByTestId('heatmap-color-shown')).not.toHaveText('shown: 0.00–1.00')
  await page.getByTestId('heatmap-color-mode').getByText('0–1').click()

  await lab.languageButton('한국어').click()
  await expect(banner).toContainText('모든 시행이 무작위 수준에 머물렀습니다')
  await shots(page, lab, 'chance-search-ko')
  await lab.languageButton('English').click()
})
