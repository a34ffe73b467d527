/// <reference lib="dom" />
/**
 * History end to end against the real backend: tags and filters, re-run and delete; comparing two
 * runs from different experiments (the legend names what differs, the PNG carries run ids, settings
 * and seeds); a bundle exported here and imported into a second, fresh server; a bad bundle refused.
 */
import { expect, test, type APIRequestContext } from '@playwright/test'
import { PNG_SIGNATURE, downloadBytes, pngText } from './helpers'
import { ComparePage } from './pages/ComparePage'
import { HistoryPage } from './pages/HistoryPage'
import { startOwnServer } from './server'

const PORT = Number(process.env.GRADIENT_LAB_E2E_PORT ?? 5197)

/** A small builder experiment (a few iterations on 200 samples), started through the API, run to the end. */
async function builderExperiment(request: APIRequestContext, name: string, optimizer: Record<string, unknown>, tags: string[] = []): Promise<{ id: number; runId: number }> {
  const params = {
    hidden: [
      { width: 32, batchNorm: true, activation: 'relu', dropout: 0 },
      { width: 16, batchNorm: false, activation: 'tanh', dropout: 0.1 },
    ],
    optimizer,
    trainSize: 200,
    batchSize: 50,
    budget: { unit: 'epochs', count: 2 },
    seed: 3,
  }
  await request.get('/') // the app's page hands out the server's per-launch session cookie
  const res = await request.post('/api/startLab', { data: { labId: 'builder', params, name, tags } })
  expect(res.ok(), await res.text()).toBe(true)
  const { experimentId, runIds } = (await res.json()) as { experimentId: number; runIds: number[] }
  await expect
    .poll(async () => ((await (await request.post('/api/getExperiment', { data: { experimentId } })).json()) as { experiment: { status: string } }).experiment.status, { timeout: 30_000 })
    .toBe('finished')
  return { id: experimentId, runId: runIds[0]! }
}

test('tags, filters, re-run and delete', async ({ page, request }) => {
  const a = await builderExperiment(request, 'Filter me: SGD', { kind: 'sgd', lr: 0.05 })
  const b = await builderExperiment(request, 'Filter me: Adam', { kind: 'adam' }, ['homework'])
  const history = new HistoryPage(page)
  await history.open('/history')
  await expect(history.rowById(a.id)).toBeVisible()

  await history.addTag(a.id, 'week 6')
  await history.filter('Tag').fill('week 6')
  await expect.poll(() => history.listedIds()).toEqual([a.id])
  await history.filter('Tag').fill('')
  await history.rowById(b.id).getByRole('button', { name: 'homework', exact: true }).click()
  await expect.poll(() => history.listedIds()).toEqual([b.id])
  await history.filters.getByRole('button', { name: 'Clear filters' }).click()

  await history.search.fill('filter me')
  await expect.poll(() => history.listedIds()).toEqual([b.id, a.id])
  await history.filter('Lab').selectOption({ label: '2. Optimizers on MNIST' })
  await expect(page.getByText('No experiment matches this filter.')).toBeVisible()
  await history.filter('Lab').selectOption({ label: '8. Your own network' })
  const today = new Date()
  const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  await history.filter('From').fill(day(today))
  await expect.poll(() => history.listedIds()).toEqual([b.id, a.id])
  await history.filter('To').fill(day(new Date(today.getTime() - 86_400_000 * 2)))
  await history.filter('From').fill('')
  await expect(page.getByText('No experiment matches this filter.')).toBeVisible()
  await history.filters.getByRole('button', { name: 'Clear filters' }).click()
  await expect.poll(() => history.listedIds()).toEqual(expect.arrayContaining([a.id, b.id]))
  await history.select(b.id)
  await expect(page.getByText('1 selected')).toBeVisible()
  await history.screenshot('history-tags')

  // Re-run: a new experiment with the same settings and seed, shown while it runs.
  await history.rowById(a.id).getByRole('button', { name: 'Re-run Filter me: SGD' }).click()
  await expect(history.heading('Filter me: SGD (re-run)')).toBeVisible()
  await expect(page.getByText('seed 3').first()).toBeVisible()
  await expect(page.getByRole('table', { name: 'Final results' }).locator('tbody tr').first()).toHaveAttribute('data-status', 'finished', { timeout: 30_000 })

  // Delete asks first; its runs go with it.
  await history.open('/history')
  await history.rowById(a.id).getByRole('button', { name: 'Delete Filter me: SGD' }).click()
  await expect(page.getByRole('dialog')).toContainText('and its 1 runs will be deleted')
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click()
  await expect(history.rowById(a.id)).toHaveCount(0)
  const gone = await request.post('/api/getRuns', { data: { runIds: [a.runId] } })
  expect(gone.status()).toBe(404)
})

test('compares two runs from different experiments; the legend names what differs', async ({ page, request }) => {
  const sgd = await builderExperiment(request, 'Compare: SGD', { kind: 'sgd', lr: 0.01 })
  const adam = await builderExperiment(request, 'Compare: Adam', { kind: 'adam', lr: 0.001 })
  const history = new HistoryPage(page)
  await history.open('/history')
  await history.select(sgd.id)
  await history.select(adam.id)
  await page.getByRole('button', { name: 'Compare runs…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Choose runs to compare' })
  await expect(dialog.getByRole('checkbox')).toHaveCount(2)
  await expect(dialog.getByRole('checkbox', { checked: true })).toHaveCount(2)
  await history.screenshot('compare-picker')
  await dialog.getByRole('button', { name: 'Compare 2 runs' }).click()

  const compare = new ComparePage(page)
  await expect(compare.heading('Compare runs')).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`runs=${sgd.runId}(%2C|,)${adam.runId}`))
  await expect(compare.differs).toContainText(`experiment: #${sgd.id} vs #${adam.id}`)
  await expect(compare.differs).toContainText('optimizer: SGD vs Adam')
  await expect(compare.differs).toContainText('lr: 0.01 vs 0.001')
  await expect(compare.differs).not.toContainText('seed')
  await expect(compare.legendOf(sgd.runId)).toHaveText(`#${sgd.id} · SGD · lr 0.01`)
  await expect(compare.legendOf(adam.runId)).toHaveText(`#${adam.id} · Adam · lr 0.001`)
  await expect.poll(() => compare.points('loss-chart')).toBe(16)
  await expect.poll(() => compare.points('accuracy-chart')).toBe(12)
  // The charts' legends name only what tells the runs apart (the optimizer), one entry per run;
  // each run's marker is beside its name in the table as on its curves.
  await expect(page.getByTestId('accuracy-chart')).toHaveAttribute('data-legend', 'SGD | Adam')
  await expect(page.getByTestId('loss-chart')).toHaveAttribute('data-legend', 'SGD | Adam')
  await expect(compare.table.locator(`tr[data-run-id="${sgd.runId}"] [data-marker]`)).toHaveAttribute('data-marker', 'circle')
  await expect(compare.table.locator(`tr[data-run-id="${adam.runId}"] [data-marker]`)).toHaveAttribute('data-marker', 'crossRot')
  await compare.screenshot('compare')

  const png = await downloadBytes(await compare.download('Export Loss as PNG'))
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
  const meta = pngText(png)
  expect(meta['Run IDs']).toBe(`${sgd.runId},${adam.runId}`)
  const text = Object.values(meta).join('\n')
  expect(text).toContain(`run ${sgd.runId}: 3; run ${adam.runId}: 3`)
  expect(text).toMatch(/"optimizer":\{"kind":"adam","lr":0.001/)
  const csv = (await downloadBytes(await compare.download('Export Accuracy data as CSV'))).toString('utf8').split('\n')
  expect(csv[0]).toBe(`iteration,run ${sgd.runId} trainAcc,run ${sgd.runId} testAcc,run ${adam.runId} trainAcc,run ${adam.runId} testAcc`)
  const json = JSON.parse((await downloadBytes(await compare.download('Runs (JSON)'))).toString('utf8')) as { differs: Record<string, unknown>; runs: { id: number }[] }
  expect(json.runs.map((r) => r.id)).toEqual([sgd.runId, adam.runId])
  expect(json.differs.optimizer).toEqual(['sgd', 'adam'])

  await compare.languageButton('한국어').click()
  await expect(compare.differs).toContainText('옵티마이저: SGD 대 Adam')
  await compare.screenshot('compare-ko')
  await compare.languageButton('English').click()
})

test('exports a bundle and imports it into a fresh database; a bad bundle is refused with the reason', async ({ page, request }) => {
  const exp = await builderExperiment(request, 'Hand-in: my network', { kind: 'momentum', lr: 0.02, momentum: 0.8 }, ['hand-in'])
  const history = new HistoryPage(page)
  await history.open('/history')
  await history.select(exp.id)
  const download = await history.exportBundle()
  expect(download.suggestedFilename()).toMatch(/^gradient-lab-bundle-1-experiment-\d{4}-\d\d-\d\d-\d{4}\.glab\.json$/)
  const bytes = await downloadBytes(download)
  const bundle = JSON.parse(bytes.toString('utf8')) as { format: string; experiments: { experiment: { name: string } }[] }
  expect(bundle.format).toBe('gradient-lab-bundle')
  expect(bundle.experiments.map((e) => e.experiment.name)).toEqual(['Hand-in: my network'])

  const teacher = await startOwnServer(PORT + 2, 'teacher')
  try {
    const other = new HistoryPage(page)
    await page.goto(`${teacher.url}/#/history`)
    await expect(other.heading('History')).toBeVisible()
    await expect(page.getByText('No experiments yet.')).toBeVisible()

    await other.importBundle({ name: 'broken.glab.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'gradient-lab-bundle', version: 2 })) })
    await expect(page.getByTestId('import-refused')).toContainText('the bundle is of version 2')
    await other.importBundle({ name: 'odd.glab.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'gradient-lab-bundle', version: 1, experiments: 'none' })) })
    // the schema's field paths and messages, checked in the page in the user's language
    await expect(page.getByTestId('import-refused')).toContainText('experiments: Invalid input: expected array, received string')
    await other.languageButton('한국어').click()
    const oddRun = { format: 'gradient-lab-bundle', version: 1, exportedAt: 'now', experiments: [{ experiment: { id: 'one' }, runs: [] }] }
    await page.getByLabel('가져올 묶음 파일').setInputFiles({ name: 'odd2.glab.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(oddRun)) })
    await expect(page.getByTestId('import-refused')).toContainText('실험 1 › experiment › id: 잘못된 입력')
    await other.languageButton('English').click()
    await other.importBundle({ name: 'notes.glab.json', mimeType: 'application/json', buffer: Buffer.from('hello') })
    await expect(page.getByTestId('import-refused')).toContainText('the file is not JSON')
    await expect(page.getByText('No experiments yet.')).toBeVisible()
    await other.screenshot('history-import-refused')

    await other.importBundle({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: bytes })
    await expect(page.getByTestId('import-done')).toContainText('Imported 1 experiment(s):')
    await expect(other.row(/Hand-in: my network/)).toContainText('1 / 1')
    await expect(other.row(/Hand-in: my network/)).toContainText('hand-in')
    await other.screenshot('history-imported')
    // The same file again: noticed, and skipping it changes nothing.
    await other.importBundle({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: bytes })
    await expect(page.getByTestId('import-duplicates')).toContainText('1 of the 1 experiment(s) in this bundle are already in History')
    await other.screenshot('history-import-duplicate')
    await page.getByTestId('import-duplicates').getByRole('button', { name: 'Skip those' }).click()
    await expect(page.getByTestId('import-done')).toContainText('Nothing new to import.')
    await expect(other.row(/Hand-in: my network/)).toHaveCount(1)
    await other.row(/Hand-in: my network/).getByRole('link', { name: /Hand-in: my network/ }).click()
    await expect(other.heading('Hand-in: my network')).toBeVisible()
    await expect(page.getByRole('table', { name: 'Final results' }).locator('tbody tr').first()).toHaveAttribute('data-status', 'finished')
    await expect.poll(async () => Number(await page.getByTestId('loss-chart').getAttribute('data-points'))).toBe(8)
    await expect(page.getByRole('link', { name: 'Compare with other runs…' })).toBeVisible()
    await other.screenshot('history-imported-experiment')
    await other.languageButton('한국어').click()
    await page.goto(`${teacher.url}/#/history`)
    await expect(other.heading('기록')).toBeVisible()
    await other.screenshot('history-ko')
    await other.languageButton('English').click()
  } finally {
    await teacher.stop()
  }
})
