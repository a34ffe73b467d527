/// <reference lib="dom" />
/**
 * The page frame at a classroom's 1366×768 (issue 11): the run bar stays at the window's bottom and
 * shows the run's progress, the skip link is the first Tab stop and lands on the lab's first field,
 * the sidebar is one Tab stop, the focus ring is visible, and presentation mode (remembered) shows
 * one figure at a time with thicker lines.
 */
import { expect, test, type Locator, type Page } from '@playwright/test'
import { OptimizersMnistPage } from './pages/OptimizersMnistPage'

test.use({ viewport: { width: 1366, height: 768 } })

const runBar = (page: Page) => page.getByTestId('run-bar')

async function box(l: Locator) {
  const b = await l.boundingBox()
  if (!b) throw new Error('not laid out')
  return b
}

test('the run bar stays at the bottom of a 1366×768 window, runs the lab and shows its progress', async ({ page, request }) => {
  test.setTimeout(180_000)
  const lab = new OptimizersMnistPage(page)
  await lab.goto()
  const bar = runBar(page)
  // One Run on the page, in the bar (the form's own stays hidden as its default button).
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toHaveCount(1)
  for (const y of [0, 400, 100_000]) {
    await page.evaluate((top) => window.scrollTo(0, top), y)
    await expect(bar).toBeInViewport()
    const b = await box(bar)
    expect(Math.abs(b.y + b.height - 768), `bar bottom at scroll ${y}`).toBeLessThanOrEqual(1)
  }
  await page.evaluate(() => window.scrollTo(0, 0))
  await lab.race('SGD', 'Adam')
  await lab.set({ iterations: 4000, evalEvery: 1000 })
  await bar.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page).toHaveURL(/experiment=\d+/)
  const experimentId = Number(new URL(page.url().replace('/#/', '/')).searchParams.get('experiment'))
  try {
    await expect(bar).toHaveAttribute('data-status', /queued|running/)
    const progress = bar.getByRole('progressbar', { name: 'Progress of this experiment' })
    await expect(progress).toHaveJSProperty('max', 8000)
    // The first progress report can take a while on a loaded machine.
    await expect.poll(() => progress.evaluate((el) => (el as HTMLProgressElement).value), { timeout: 90_000 }).toBeGreaterThan(0)
    await expect(bar).toHaveAttribute('data-status', 'running')
    await expect(bar.getByTestId('run-bar-count')).toHaveText(/^[\d,]+ \/ 8,000 iterations$/)
    await expect(bar).toContainText('of 2 runs ended')
    await bar.getByRole('button', { name: 'Cancel', exact: true }).click()
    await expect(bar).toHaveAttribute('data-status', 'cancelled')
    await expect(bar).toContainText('2 of 2 runs ended')
  } finally {
    await request.get('/') // the session cookie comes with the app's page
    await request.post('/api/cancelExperiment', { data: { experimentId } })
  }

  // Enter in a field still runs (the hidden Run is the form's default button).
  const first = page.url()
  await lab.set({ iterations: 50, evalEvery: 50 })
  await lab.number('Iterations').press('Enter')
  await expect.poll(() => page.url()).not.toBe(first)
  await expect(bar).toHaveAttribute('data-status', 'finished', { timeout: 60_000 })
  await expect(bar.getByTestId('run-bar-count')).toHaveText('100 / 100 iterations')

  // An invalid form: Run disabled, and the bar says why.
  await lab.set({ iterations: 0 })
  await expect(bar.getByRole('button', { name: 'Run', exact: true })).toBeDisabled()
  await expect(bar.getByRole('status')).toContainText(/fix/i)
})

test('the skip link is the first Tab stop and lands on the first field; the sidebar is one Tab stop', async ({ page }) => {
  const lab = new OptimizersMnistPage(page)
  await lab.goto()
  await page.keyboard.press('Tab')
  const skip = page.getByTestId('skip-link')
  await expect(skip).toBeFocused()
  await expect(skip).toHaveText("Skip to the lab's settings")
  await expect(skip).toBeInViewport()
  await page.keyboard.press('Enter')
  const firstField = page.locator('aside input, aside select').first()
  await expect(firstField).toBeFocused()

  // Without the skip link: skip link, the sidebar (one stop: the page shown), language, presentation, then the lab.
  await page.reload()
  await expect(lab.heading('Optimizers on MNIST')).toBeVisible()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(lab.navLink(/Optimizers on MNIST/)).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(lab.navLink(/Init → activations/)).toBeFocused()
  await page.keyboard.press('End')
  await expect(lab.navLink('Glossary')).toBeFocused()
  let tabs = 2
  while (!(await firstField.evaluate((el) => el === document.activeElement)) && tabs < 40) {
    await page.keyboard.press('Tab')
    tabs++
  }
  expect(tabs, 'Tab presses from the page start to the first field').toBeLessThanOrEqual(8)

  // Elsewhere it skips to the main content.
  await lab.open('/history')
  await page.reload()
  await expect(lab.heading('History')).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(skip).toHaveText('Skip to main content')
  await page.keyboard.press('Enter')
  await expect(page.locator('main#main')).toBeFocused()
})

/** The focused element's outline width and its contrast against the surface around it (WCAG relative luminance). */
function ringOf(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement
    const style = getComputedStyle(el)
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number)
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!)
    }
    let bgEl: HTMLElement | null = el.parentElement
    let bg = 'rgb(255, 255, 255)'
    for (; bgEl; bgEl = bgEl.parentElement) {
      const c = getComputedStyle(bgEl).backgroundColor
      if (c && c !== 'transparent' && !/rgba\(.*, 0\)$/.test(c)) {
        bg = c
        break
      }
    }
    const [a, b] = [lum(rgb(style.outlineColor)), lum(rgb(bg))]
    return { width: Number.parseFloat(style.outlineWidth), style: style.outlineStyle, contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) }
  })
}

test('the focus ring is at least 2 px and 3:1 against its surface on links, buttons and fields', async ({ page }) => {
  const lab = new OptimizersMnistPage(page)
  await lab.goto()
  await page.locator('body').focus()
  const checks: [string, () => Promise<void>][] = [
    ['skip link', () => page.keyboard.press('Tab')],
    ['nav link', () => page.keyboard.press('Tab')],
    ['language button', () => page.keyboard.press('Tab')],
    ['presentation toggle', () => page.keyboard.press('Tab')],
    ['run bar Run', () => runBar(page).getByRole('button', { name: 'Run', exact: true }).focus()],
    ['number field', () => lab.number('Iterations').focus()],
    ['checkbox', () => lab.optimizer('Adam').focus()],
  ]
  for (const [what, focus] of checks) {
    await focus()
    const ring = await ringOf(page)
    expect(ring.style, what).not.toBe('none')
    expect(ring.width, what).toBeGreaterThanOrEqual(2)
    expect(ring.contrast, what).toBeGreaterThanOrEqual(3)
  }
})

test('presentation mode: remembered, one figure at a time, Page Down steps, thicker chart lines', async ({ page, request }) => {
  await request.get('/') // the session cookie comes with the app's page
  const res = await request.post('/api/startLab', { data: { labId: 'optimizers-mnist', params: { iterations: 100, evalEvery: 50, optimizers: [{ kind: 'sgd', lr: 0.01 }] } } })
  expect(res.ok(), await res.text()).toBe(true)
  const { experimentId } = (await res.json()) as { experimentId: number }
  const lab = new OptimizersMnistPage(page)
  await lab.open(`/labs/optimizers-mnist?experiment=${experimentId}`)
  await expect(runBar(page)).toHaveAttribute('data-status', 'finished', { timeout: 60_000 })
  const cards = page.locator('.lab-results .chart-card')
  await expect(cards).toHaveCount(2)
  await expect(page.locator('canvas[data-line-scale="1"]')).toHaveCount(2)
  await expect(page.getByTestId('figure-stepper')).toHaveCount(0)

  const toggle = page.getByTestId('presentation-toggle')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  await page.reload()
  await expect(page.locator('html')).toHaveClass(/presentation/)
  await expect(page.getByTestId('presentation-toggle')).toHaveAttribute('aria-pressed', 'true')
  const where = page.getByTestId('figure-where')
  await expect(where).toHaveText('Figure 1 of 2')
  await expect(cards.filter({ visible: true })).toHaveCount(1)
  await expect(cards.first()).toBeVisible()
  await expect(cards.first().locator('canvas')).toHaveAttribute('data-line-scale', '2')
  await expect(cards.first().locator('canvas')).toHaveAttribute('data-font-scale', '1.35')
  const wide = await box(cards.first())
  expect(wide.height, 'the figure fills the window').toBeGreaterThan(450)

  await page.locator('body').focus()
  await page.keyboard.press('PageDown')
  await expect(where).toHaveText('Figure 2 of 2')
  await expect(cards.nth(1)).toBeVisible()
  await expect(cards.first()).toBeHidden()
  await page.getByRole('button', { name: 'Show all' }).click()
  await expect(cards.filter({ visible: true })).toHaveCount(2)

  await page.getByTestId('presentation-toggle').click()
  await expect(page.locator('html')).not.toHaveClass(/presentation/)
  await expect(page.locator('canvas[data-line-scale="1"]')).toHaveCount(2)
  await page.reload()
  await expect(page.getByTestId('presentation-toggle')).toHaveAttribute('aria-pressed', 'false')
})

test('moving between labs 2–8 in the sidebar shows each lab its own settings (they share one page component)', async ({ page }) => {
  const lab = new OptimizersMnistPage(page)
  await lab.openLab('init-mnist')
  await lab.navLink(/Random search/).click()
  await expect(lab.heading('Hyperparameter random search')).toBeVisible()
  await expect(page.getByTestId('search-form')).toBeVisible()
  await lab.navLink(/Your own network/).click()
  await expect(page.getByRole('button', { name: 'Add a block' })).toBeVisible()
  await expect(page.getByTestId('search-form')).toHaveCount(0)
})

test('the run bar says why a run is queued, and pauses and resumes a search', async ({ page, request }) => {
  test.setTimeout(150_000)
  await request.get('/') // the session cookie comes with the app's page
  // Long trials, so the search holds both trainers while the page is looked at.
  const started = await request.post('/api/startLab', { data: { labId: 'random-search', params: { trials: 4, budget: { unit: 'epochs', count: 3000 } } } })
  expect(started.ok(), await started.text()).toBe(true)
  const { experimentId } = (await started.json()) as { experimentId: number }
  try {
    const lab = new OptimizersMnistPage(page)
    await lab.goto()
    await lab.race('SGD')
    await lab.set({ iterations: 60, evalEvery: 30 })
    const bar = runBar(page)
    await bar.getByRole('button', { name: 'Run', exact: true }).click()
    await expect(bar).toHaveAttribute('data-status', 'queued')
    await expect(bar.getByTestId('run-bar-queued')).toHaveText(/^Queued behind .*'Random search: 4 trials/)

    await lab.open(`/labs/random-search?experiment=${experimentId}`)
    await expect(bar).toHaveAttribute('data-status', 'running', { timeout: 60_000 })
    await bar.getByRole('button', { name: 'Pause', exact: true }).click()
    await expect(bar).toHaveAttribute('data-status', 'cancelled')
    await bar.getByRole('button', { name: 'Resume', exact: true }).click()
    await expect(bar).toHaveAttribute('data-status', /running|queued/)
    await expect(bar.getByRole('button', { name: 'Pause', exact: true })).toBeVisible()
  } finally {
    await request.post('/api/cancelExperiment', { data: { experimentId } })
  }
})
