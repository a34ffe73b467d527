/// <reference lib="dom" />
/** Lab 4 end to end against the real backend: a short race of std 0.01, Xavier and He, the loss on the book's 0–2.5 range. */
import { expect, test } from '@playwright/test'
import { InitMnistPage } from './pages/InitMnistPage'

test('races the three initial weight values for a few iterations', async ({ page }) => {
  test.setTimeout(150_000)
  const lab = new InitMnistPage(page)
  await lab.goto()
  for (const init of ['Normal, std σ', 'Xavier √(1/n)', 'He √(2/n)'] as const) await lab.init(init).uncheck()
  await expect(page.getByText('choose at least one initial weight value')).toBeVisible()
  await expect(lab.runButton).toBeDisabled()
  for (const init of ['Normal, std σ', 'Xavier √(1/n)', 'He √(2/n)'] as const) await lab.init(init).check()
  await expect(lab.number('Standard deviation')).toHaveValue('0.01')

  await lab.fill({ Iterations: 20, 'Evaluate every': 10 })
  await lab.run()
  for (const run of ['std=0.01', 'Xavier', 'He']) {
    await expect(lab.resultRow(run)).toHaveAttribute('data-status', 'finished', { timeout: 120_000 })
  }
  await expect.poll(() => lab.points('loss-chart')).toBe(60)
  await expect(page.getByRole('radio', { name: '0–2.5 (book)' })).toBeChecked()
  await expect(lab.finalTable.getByRole('columnheader', { name: 'Initial weights' })).toBeVisible()
  // std 0.01 has not started to learn: its loss is still ≈ ln 10 = 2.30.
  const stdLoss = Number(await lab.resultRow('std=0.01').locator('td.num').first().innerText())
  expect(stdLoss).toBeGreaterThan(2.2)
  expect(stdLoss).toBeLessThan(2.4)
  await expect(page.getByTestId('init-summary').locator('li')).toHaveCount(3)
  await expect(page.getByTestId('init-summary').locator('li[data-run="std=0.01"]')).toContainText('does not learn')
  await lab.screenshot('lab4-short-run')
})
