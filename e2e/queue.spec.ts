/// <reference lib="dom" />
/**
 * The fair queue as a student sees it: with a random search holding every trainer, lab 2's runs
 * say what they wait behind (English and Korean); once the search is cancelled they run.
 */
import { expect, test } from '@playwright/test'
import { OptimizersMnistPage } from './pages/OptimizersMnistPage'

test('a lab started behind a search says what it waits behind, in English and Korean', async ({ page, request }) => {
  await request.get('/') // the session cookie comes with the app's page (browser mode's gate)
  // long trials, so the search holds both trainers while the page is looked at
  const started = await request.post('/api/startLab', { data: { labId: 'random-search', params: { trials: 6, budget: { unit: 'epochs', count: 3000 } } } })
  expect(started.ok(), await started.text()).toBe(true)
  const { experimentId } = (await started.json()) as { experimentId: number }
  const detail = (await (await request.post('/api/getExperiment', { data: { experimentId } })).json()) as { experiment: { name: string } }
  const name = detail.experiment.name
  const quoted = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  try {
    const lab = new OptimizersMnistPage(page)
    await page.setViewportSize({ width: 1366, height: 768 })
    await lab.goto()
    await lab.race('SGD', 'Adam')
    await lab.set({ iterations: 60, evalEvery: 30 })
    await lab.runButton.click()
    await expect(page).toHaveURL(/experiment=\d+/)
    const reason = page.getByTestId('queue-reason').first()
    await expect(reason).toHaveText(new RegExp(`^Queued behind 2 runs of '${quoted}'`))
    await lab.screenshot('queue-reason-en')
    await lab.languageButton('한국어').click()
    await expect(reason).toHaveText(new RegExp(`^대기 중: '${quoted}'의 실행 2개`))
    await lab.screenshot('queue-reason-ko')
    await lab.languageButton('English').click()

    const cancelled = await request.post('/api/cancelExperiment', { data: { experimentId } })
    expect(cancelled.ok()).toBe(true)
    await expect(lab.resultRow('SGD')).toHaveAttribute('data-status', 'finished', { timeout: 60_000 })
    await expect(lab.resultRow('Adam')).toHaveAttribute('data-status', 'finished', { timeout: 60_000 })
    await expect(page.getByTestId('queue-reason')).toHaveCount(0)
  } finally {
    await request.post('/api/cancelExperiment', { data: { experimentId } })
  }
})
