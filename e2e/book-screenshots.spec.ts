/// <reference lib="dom" />
/**
 * Screenshots of labs 4–6 filled with the book's defaults, in English and Korean, for looking at
 * by eye. Not part of the normal run: it needs a server whose database holds the CLI presets
 * (`lab run init-mnist|batchnorm|overfit-weight-decay|overfit-dropout --db X`, then
 * `node out/main/web.js --port 5188 --db X`) and GRADIENT_LAB_BOOK_URL=http://127.0.0.1:5188.
 * Each experiment is opened from History, then in its lab "with these settings".
 */
import { expect, test, type Page } from '@playwright/test'

const BOOK = process.env.GRADIENT_LAB_BOOK_URL
test.skip(!BOOK, 'set GRADIENT_LAB_BOOK_URL to a server with the book-default experiments')
test.use({ viewport: { width: 1440, height: 900 } })

interface Stored {
  id: number
  labId: string
  params: Record<string, unknown>
}

async function openFromHistory(page: Page, locale: 'en' | 'ko', e: Stored): Promise<void> {
  await page.goto(`${BOOK}/#/history`)
  await page.evaluate((l) => localStorage.setItem('gradient-lab.locale', l), locale)
  await page.reload()
  await page.locator(`tr[data-experiment="${e.id}"] th a`).click()
  await expect(page).toHaveURL(new RegExp(`#/experiment/${e.id}$`))
  await expect(page.locator('.results')).toHaveAttribute('data-active', 'false')
}

async function chartsDrawn(page: Page): Promise<void> {
  await expect.poll(() => page.locator('[data-points]').evaluateAll((els) => els.every((el) => Number(el.getAttribute('data-points')) > 0))).toBe(true)
}

for (const locale of ['en', 'ko'] as const) {
  test(`book defaults of labs 4, 5 and 6 (${locale})`, async ({ page, request }) => {
    await request.get(`${BOOK}/`) // the session cookie comes with the app's page
    const list = (await (await request.post(`${BOOK}/api/listExperiments`, { data: {} })).json()) as Stored[]
    const find = (labId: string, pred: (p: Record<string, unknown>) => boolean = () => true) => list.find((e) => e.labId === labId && pred(e.params))!
    const shots: [string, Stored][] = [
      ['lab4', find('init-mnist')],
      ['lab5', find('batchnorm', (p) => p.scales === 16)],
      ['lab6-weight-decay', find('overfit', (p) => p.cure === 'weight-decay')],
      ['lab6-dropout', find('overfit', (p) => p.cure === 'dropout')],
    ]
    for (const [name, e] of shots) {
      expect(e, name).toBeTruthy()
      await openFromHistory(page, locale, e)
      await chartsDrawn(page)
      await page.screenshot({ path: `e2e/screenshots/${name}-history-${locale}.png`, fullPage: true })
      await page.locator('.exp-head .actions .btn').first().click()
      await expect(page).toHaveURL(new RegExp(`experiment=${e.id}`))
      await chartsDrawn(page)
      await page.screenshot({ path: `e2e/screenshots/${name}-book-${locale}.png`, fullPage: true })
      if (name === 'lab5') {
        await page.locator('[data-testid="bn-grid"] .cell').nth(4).click()
        await expect(page.getByTestId('bn-cell-dialog')).toBeVisible()
        await page.screenshot({ path: `e2e/screenshots/lab5-cell-large-${locale}.png` })
        await page.keyboard.press('Escape')
      }
    }
  })
}
