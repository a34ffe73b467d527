/// <reference lib="dom" />
/** Lab 3's Web Workers load from the app's own scheme (through its protocol handler) and compute the grid. */
import { InitHistogramsPage } from '../../e2e/pages/InitHistogramsPage'
import { expect, test } from './fixtures'

test('lab 3 computes its 15 × 5 grid in Web Workers served by app://', async ({ desktop, page }) => {
  const workers: string[] = []
  page.on('worker', (w) => workers.push(w.url()))
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  const lab = new InitHistogramsPage(page)
  await lab.goto()
  await lab.computed(15, 5)
  await expect(lab.cell('std=1', 'sigmoid')).toHaveAttribute('data-flags', /\bsaturated\b/)
  await expect(lab.cell('He', 'relu')).toHaveAttribute('data-flags', '')
  expect(workers.length, 'at least one worker ran').toBeGreaterThan(0)
  for (const url of workers) expect(url).toMatch(/^https:\/\/gradient-lab\/assets\/.+\.js$/)
  // Each worker script came through the main process's protocol handler, with our CSP.
  for (const url of new Set(workers)) {
    const fetched = desktop.served.filter((s) => s.url === url.replace('https://gradient-lab', 'app://gradient-lab'))
    expect(fetched.length, url).toBeGreaterThan(0)
    expect(fetched.every((s) => s.status === 200)).toBe(true)
  }
  expect(desktop.served.filter((s) => s.status !== 200), 'no request of the page failed').toEqual([])
  expect(errors).toEqual([])
  await page.screenshot({ path: 'test-results/desktop/lab3-grid.png', fullPage: true })
})
