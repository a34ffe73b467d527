/// <reference lib="dom" />
/**
 * Lab 6 end to end against the real backend: the cure switch sets the book's settings, a short
 * dropout run (3 epochs) shows train/test accuracy per epoch for both runs and their gap.
 */
import { expect, test } from '@playwright/test'
import { PNG_SIGNATURE, downloadBytes, pngText } from './helpers'
import { OverfitPage } from './pages/OverfitPage'

test('switching the cure sets the book settings; a short run shows both runs and the gap per epoch', async ({ page }) => {
  test.setTimeout(150_000)
  const lab = new OverfitPage(page)
  await lab.goto()
  await expect(lab.cure('Weight decay')).toBeChecked()
  await expect(lab.layerInputs).toHaveCount(6)
  await expect(lab.number('Epochs')).toHaveValue('201')
  await expect(lab.number('Weight decay λ')).toHaveValue('0.1')

  await lab.cure('Dropout').check()
  await expect(lab.layerInputs).toHaveCount(7)
  await expect(lab.number('Epochs')).toHaveValue('301')
  await expect(lab.number('Dropout ratio')).toHaveValue('0.2')
  await expect(lab.number('Weight decay λ')).toBeHidden()

  await lab.fill({ 'Dropout ratio': 1 })
  await expect(page.getByText('must be < 1')).toBeVisible()
  await expect(lab.runButton).toBeDisabled()
  await lab.fill({ 'Dropout ratio': 0.2, Epochs: 3 })
  await lab.run()

  await expect(lab.resultRow('no cure')).toHaveAttribute('data-status', 'finished', { timeout: 120_000 })
  await expect(lab.resultRow('dropout 0.2')).toHaveAttribute('data-status', 'finished', { timeout: 120_000 })
  await expect(lab.cancelButton).toBeHidden()
  // Epochs 0…3 for both runs: 4 gap points each; train and test accuracy: 16 points.
  await expect.poll(() => lab.points('gap-chart')).toBe(8)
  await expect.poll(() => lab.points('accuracy-chart')).toBe(16)
  // Columns: train accuracy, test accuracy, gap (no loss column in this lab).
  for (const run of ['no cure', 'dropout 0.2']) {
    const [train, test, gap] = await Promise.all([0, 1, 2].map(async (i) => (await lab.resultRow(run).locator('td.num').nth(i).innerText()).trim()))
    expect(Number(gap), `${run}: train ${train}, test ${test}`).toBeCloseTo(parseFloat(train) / 100 - parseFloat(test) / 100, 2)
  }
  await expect(page.getByTestId('gap-finals')).toContainText('No cure:')
  await expect(page.getByTestId('gap-finals')).toContainText('Dropout 0.2:')
  await lab.screenshot('lab6-short-run')

  const png = await downloadBytes(await lab.download('Export Gap as PNG'))
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
  expect(JSON.parse(pngText(png).Comment!)).toMatchObject({ lab: 'overfit', seed: expect.any(Number), params: expect.any(Object) })
  const csv = (await downloadBytes(await lab.download('Export Gap data as CSV'))).toString('utf8').trim().split('\n')
  expect(csv[0]).toBe('epoch,no cure gap (train - test),dropout 0.2 gap (train - test)')
  expect(csv).toHaveLength(5)

  const settings = JSON.parse((await downloadBytes(await lab.download('Settings (JSON)'))).toString('utf8'))
  expect(settings.lab).toBe('overfit')
  expect(settings.params).toMatchObject({ cure: 'dropout', dropout: 0.2, epochs: 3, hidden: [100, 100, 100, 100, 100, 100, 100] })
  expect(settings.runs.map((r: { label: string }) => r.label)).toEqual(['no cure', 'dropout 0.2'])
})
