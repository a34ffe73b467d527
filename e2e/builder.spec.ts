/// <reference lib="dom" />
/**
 * Lab 8 end to end against the real backend: build a 3-block network (reordering blocks with the
 * keyboard), see its exact parameter count and a time estimate, run it to the end; invalid values
 * are refused inline with the reason; a network saved under a name loads back after a reload.
 */
import { expect, test } from '@playwright/test'
import { BuilderPage } from './pages/BuilderPage'

test('builds a 3-block network, reorders blocks from the keyboard and runs it to the end', async ({ page }) => {
  const lab = new BuilderPage(page)
  await lab.goto()
  await lab.setBlock(1, { width: 32, batchNorm: true, activation: 'ReLU', dropout: 0 })
  await lab.setBlock(2, { width: 16, batchNorm: false, activation: 'tanh', dropout: 0.1 })
  await lab.setBlock(3, { width: 24, batchNorm: false, activation: 'Sigmoid', dropout: 0 })
  await lab.removeBlocksAfter(3)
  expect(await lab.widths()).toEqual(['32', '16', '24'])

  // Block 3 up, then down again, from the keyboard: focus stays on the moved block's button.
  await page.getByRole('button', { name: 'Move block 3 up' }).focus()
  await page.keyboard.press('Enter')
  expect(await lab.widths()).toEqual(['32', '24', '16'])
  await expect(page.getByRole('button', { name: 'Move block 2 up' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Move block 2 down' })).toBeFocused()
  await page.keyboard.press('Space')
  expect(await lab.widths()).toEqual(['32', '16', '24'])
  await expect(page.getByRole('button', { name: 'Move block 3 down' })).toBeDisabled()
  await expect(page.getByRole('button', { name: 'Move block 3 up' })).toBeFocused()

  // Σ (fan_in·width + width) + 2·width for BN + output: (784·32+32+64) + (32·16+16) + (16·24+24) + (24·10+10)
  await expect(lab.paramCount).toHaveAttribute('data-value', String(784 * 32 + 32 + 64 + (32 * 16 + 16) + (16 * 24 + 24) + (24 * 10 + 10)))
  await expect(lab.paramCount).toHaveText('26,370')

  await lab.fill({ 'Training samples': 500, 'Validation split': 0.2, Epochs: 3, 'Mini-batch size': 50, Seed: 7 })
  await page.getByRole('combobox', { name: 'Optimizer' }).selectOption({ label: 'Adam' })
  await expect(lab.number('Learning rate η')).toHaveValue('0.001')
  await lab.fill({ 'Learning rate η': 0.01 })
  await expect(lab.epochEstimate).toHaveText(/^≈ \d/)
  await lab.screenshot('builder-form')

  const id = await lab.run()
  const row = lab.finalTable.locator('tbody tr').first()
  await expect(row).toHaveAttribute('data-status', 'finished', { timeout: 30_000 })
  await expect(page.getByRole('link', { name: 'Your own network: 32 BN ReLU → 16 tanh dropout 0.1 → 24 Sigmoid, He, Adam, MNIST (built-in)' })).toBeVisible()
  // 400 training samples / 50 = 8 iterations per epoch, 3 epochs: a loss point per iteration;
  // train, test and validation accuracy at 0 and after each epoch.
  await expect.poll(() => lab.points('loss-chart')).toBe(24)
  await expect.poll(() => lab.points('accuracy-chart')).toBe(12)
  await expect(lab.finalTable.getByRole('columnheader', { name: 'Validation accuracy' })).toBeVisible()
  await expect(row.getByRole('cell').nth(4)).toHaveText(/^\d+(\.\d)?%$/)
  await lab.screenshot('builder-finished')

  // The same page in Korean (the experiment stays shown: it is in the URL).
  await lab.languageButton('한국어').click()
  await expect(page).toHaveURL(new RegExp(`experiment=${id}`))
  await expect(lab.heading('나만의 신경망')).toBeVisible()
  await expect(page.getByRole('table', { name: '최종 결과' })).toContainText('검증 정확도')
  await lab.screenshot('builder-ko')
  await lab.languageButton('English').click()
})

test('refuses invalid values inline with the reason and disables Run', async ({ page }) => {
  // This machine has Fashion-MNIST; pretend it does not, to see the disabled choice with its reason.
  await page.route('**/api/appInfo', async (route) => {
    const info = (await (await route.fetch()).json()) as { datasets: { id: string; available: boolean; reason?: string }[] }
    for (const d of info.datasets) if (d.id === 'fashion-mnist') Object.assign(d, { available: false, reason: '/usr/share/datasets/fashion-mnist not found (on Debian/Ubuntu: sudo apt-get install dataset-fashion-mnist)' })
    await route.fulfill({ json: info })
  })
  const lab = new BuilderPage(page)
  await lab.goto()
  await expect(lab.runButton).toBeEnabled()
  await expect(page.getByRole('radio', { name: /Fashion-MNIST/ })).toBeDisabled()
  await expect(page.getByText('Not available: /usr/share/datasets/fashion-mnist not found')).toBeVisible()
  await page.getByRole('radio', { name: 'A folder of IDX files' }).check()
  await expect(page.getByText('type the path of the folder')).toBeVisible()
  await page.getByRole('textbox', { name: 'Folder with the IDX files' }).fill('/data/kmnist')
  await expect(page.getByText('type the path of the folder')).toHaveCount(0)
  await page.getByRole('radio', { name: /MNIST, built in/ }).check()

  await lab.width(1).fill('0')
  await expect(page.getByText('Width: must be > 0')).toBeVisible()
  await expect(lab.width(1)).toHaveAttribute('aria-invalid', 'true')
  await expect(lab.runButton).toBeDisabled()
  await expect(lab.paramCount).toHaveText('—')

  await lab.dropout(2).fill('1')
  await expect(page.getByText('Dropout: must be < 1')).toBeVisible()
  await lab.number('Learning rate η').fill('0')
  await expect(page.getByText('must be > 0').last()).toBeVisible()
  await lab.fill({ 'Training samples': 9000 })
  await expect(page.getByText('the data set has only 8000 training samples')).toBeVisible()
  await expect(page.getByText('Fix the highlighted fields to run.')).toBeVisible()
  await lab.screenshot('builder-invalid')

  await lab.width(1).fill('64')
  await lab.dropout(2).fill('0.5')
  await lab.number('Learning rate η').fill('0.05')
  await lab.number('Training samples').fill('')
  await expect(lab.runButton).toBeEnabled()
  await expect(page.locator('.field-error')).toHaveCount(0)
})

test('saves a network under a name and loads it back after a reload', async ({ page }) => {
  const lab = new BuilderPage(page)
  await lab.goto()
  await lab.setBlock(1, { width: 48, batchNorm: true })
  await lab.setBlock(2, { width: 20, activation: 'tanh', dropout: 0.25 })
  await lab.setBlock(3, { width: 12, activation: 'Sigmoid' })
  await lab.fill({ 'Weight decay λ': 0.01, Seed: 42 })
  await lab.saveSpec('three blocks')
  await expect(lab.specs.locator('[data-spec="three blocks"]')).toBeVisible()

  await page.reload()
  await lab.removeBlocksAfter(1)
  await lab.fill({ 'Weight decay λ': 0, Seed: 1 })
  await lab.loadSpec('three blocks')
  expect(await lab.widths()).toEqual(['48', '20', '12'])
  await expect(lab.dropout(2)).toHaveValue('0.25')
  await expect(page.getByRole('checkbox', { name: 'Batch normalization in block 1' })).toBeChecked()
  await expect(lab.number('Weight decay λ')).toHaveValue('0.01')
  await expect(lab.number('Seed')).toHaveValue('42')

  await lab.specs.getByRole('button', { name: 'Delete saved network three blocks' }).click()
  await expect(lab.specs.locator('[data-spec="three blocks"]')).toHaveCount(0)
})
