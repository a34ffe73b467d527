/**
 * Lesson links, round trip in browser mode: a link opens a lab with its settings (a bad key or
 * value shown naming the key, the rest applied, nothing run), "Copy link" writes the form back
 * as a link, and that link reproduces the form in a fresh browser. On --lan, the printed
 * classroom address opens links, and copying falls back to a text field (no clipboard on http).
 */
import { expect, test } from '@playwright/test'
import { OptimizersMnistPage } from './pages/OptimizersMnistPage'
import { OverfitPage } from './pages/OverfitPage'
import { startOwnServer } from './server'

const PORT = Number(process.env.GRADIENT_LAB_E2E_PORT ?? 5197)

test('a lesson link sets the fields, shows bad keys by name, and "Copy link" reproduces the form', async ({ browser, baseURL }) => {
  const teacher = await browser.newContext()
  await teacher.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL })
  const page = await teacher.newPage()
  await page.goto('/labs/optimizers-mnist?iterations=700&optimizers=sgd,adam&batchSize=0&colour=blue&lr.adam=0.002')
  const lab = new OptimizersMnistPage(page)
  await expect(lab.heading(/Optimizers on MNIST/)).toBeVisible()
  await expect(page).toHaveURL(/\/#\/labs\/optimizers-mnist$/) // the link's settings are in the form now, not the address
  await expect(lab.number('Iterations')).toHaveValue('700')
  await expect(lab.optimizer('SGD')).toBeChecked()
  await expect(lab.optimizer('Adam')).toBeChecked()
  await expect(lab.optimizer('Momentum')).not.toBeChecked()
  await expect(lab.number('Mini-batch size'), 'a refused value leaves the default').toHaveValue('128')
  const issues = page.getByTestId('lesson-link-issues')
  await expect(issues.locator('li[data-key="batchSize"]')).toContainText('must be > 0')
  await expect(issues.locator('li[data-key="colour"]')).toContainText("unknown key 'colour'")
  await expect(issues.locator('li')).toHaveCount(2)
  await expect(lab.cancelButton, 'nothing runs by itself').toHaveCount(0)

  await lab.set({ evalEvery: 100 })
  await page.getByTestId('copy-link').click()
  await expect(page.getByText('Link copied')).toBeVisible()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toBe(`${baseURL}/labs/optimizers-mnist?iterations=700&evalEvery=100&optimizers=sgd%2Cadam&lr.adam=0.002`)
  await expect(page.getByTestId('lesson-link-text')).toHaveValue(copied)
  await teacher.close()

  // A student's fresh browser: the copied link gives the same form.
  const student = await browser.newContext()
  const fresh = await student.newPage()
  await fresh.goto(copied)
  const again = new OptimizersMnistPage(fresh)
  await expect(again.number('Iterations')).toHaveValue('700')
  await expect(again.number('Evaluate every')).toHaveValue('100')
  await expect(again.optimizer('Adam')).toBeChecked()
  await expect(again.optimizer('AdaGrad')).not.toBeChecked()
  await expect(fresh.getByTestId('lesson-link-issues')).toHaveCount(0)
  await fresh.getByTestId('copy-link').click()
  await expect(fresh.getByTestId('lesson-link-text')).toHaveValue(copied)
  await student.close()
})

test('on --lan, the printed classroom address opens a link, and Copy link gives a field to copy from', async ({ browser }) => {
  const server = await startOwnServer(PORT + 5, 'lan', { args: ['--lan'] })
  const context = await browser.newContext()
  try {
    const printed = /Students open: (http:\/\/(?!127\.)[^\s]+)/.exec(server.printed)
    test.skip(!printed, 'this machine has no network address besides loopback')
    const classroom = new URL(printed![1]!)
    const token = classroom.searchParams.get('token')!
    const page = await context.newPage()
    await page.goto(`${classroom.origin}/labs/overfit?cure=dropout&dropout=0.15&token=${token}`)
    const lab = new OverfitPage(page)
    await expect(lab.cure('Dropout')).toBeChecked()
    await expect(lab.number('Dropout ratio')).toHaveValue('0.15')
    expect(await page.evaluate(() => window.isSecureContext), 'http on the classroom network is not a secure context').toBe(false)
    await page.getByTestId('copy-link').click()
    await expect(page.getByText(/Copy this link/)).toBeVisible()
    await expect(page.getByTestId('lesson-link-text')).toHaveValue(`${classroom.origin}/labs/overfit?cure=dropout&dropout=0.15&token=${token}`)
    await expect(page.getByTestId('lesson-link-text')).toBeFocused()
  } finally {
    await context.close()
    await server.stop()
  }
})
