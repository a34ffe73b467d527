/**
 * Screenshots of the book's full search (100 trials, 50 epochs) opened from History, in English and
 * Korean: the whole page, the heatmap and the Best-1…20. The search takes long, so it is made
 * beforehand and served by its own server; this file is skipped unless GRADIENT_LAB_SEARCH_URL
 * points at it:
 *   npm run lab -- run random-search --json --db /tmp/search.db > /tmp/search.json
 *   node out/main/web.js --port 5189 --db /tmp/search.db
 *   GRADIENT_LAB_SEARCH_URL=http://127.0.0.1:5189 npx playwright test e2e/random-search-book.spec.ts
 */
import { expect, test } from '@playwright/test'
import { downloadBytes, pngText } from './helpers'
import { RandomSearchPage } from './pages/RandomSearchPage'

const BASE = process.env.GRADIENT_LAB_SEARCH_URL

test('the book search from History, in English and Korean', async ({ page }) => {
  test.skip(!BASE, 'set GRADIENT_LAB_SEARCH_URL to a server holding the book search')
  const lab = new RandomSearchPage(page)
  for (const [language, suffix] of [['English', ''], ['한국어', '-ko']] as const) {
    await page.goto(`${BASE}/#/history`)
    await lab.languageButton(language).click()
    await page.locator('table.history-table tbody tr').filter({ hasText: /Random search|무작위 탐색/ }).last().getByRole('link').first().click()
    await expect.poll(() => lab.heatmapCount('trials'), { timeout: 30_000 }).toBe(100)
    await expect(lab.bestGrid.locator('[data-rank]')).toHaveCount(20)
    await page.mouse.move(0, 0)
    await lab.screenshot(`search-book${suffix}`)
    await page.getByTestId('search-heatmap').screenshot({ path: `e2e/screenshots/search-heatmap${suffix}.png` })
    await lab.bestGrid.screenshot({ path: `e2e/screenshots/search-best${suffix}.png` })
    if (suffix !== '') continue
    // The exported figures themselves (opaque, settings and run ids in their text chunks).
    const heat = await lab.download('Export Heatmap as PNG')
    expect(pngText(await downloadBytes(heat))['Run IDs']).toMatch(/^\d+(,\d+)*$/)
    await heat.saveAs('e2e/screenshots/search-heatmap-export.png')
    await (await lab.download('Export Best trials as PNG')).saveAs('e2e/screenshots/search-best-export.png')
  }
})
