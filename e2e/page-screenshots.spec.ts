/// <reference lib="dom" />
/**
 * Screenshots of every page (issue 11's "done when"), for looking at by eye: home, each lab with a
 * finished experiment, one experiment, History, Compare and the glossary, at 1366×768 and
 * 1920×1080, in English and Korean, plus lab 2 in presentation mode. Opt-in: set
 * GRADIENT_LAB_SCREENSHOTS to the folder the PNGs go to (e.g. `GRADIENT_LAB_SCREENSHOTS=e2e/screenshots/pages
 * npx playwright test e2e/page-screenshots.spec.ts`). The experiments are small versions of each
 * lab's defaults, started through the API against the test server's fresh database.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test'
import { LAB_IDS, labPath, type LabId } from './labs'

const OUT = process.env.GRADIENT_LAB_SCREENSHOTS
test.skip(!OUT, 'set GRADIENT_LAB_SCREENSHOTS to the folder for the page screenshots')

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const

/** Small versions of the trained labs' defaults: quick to run, still drawing every figure. */
const SMALL: Partial<Record<LabId, Record<string, unknown>>> = {
  'optimizers-mnist': { iterations: 300, evalEvery: 100 },
  'init-mnist': { iterations: 300, evalEvery: 100 },
  batchnorm: { scales: 4, epochs: 4, trainSize: 300 },
  overfit: { epochs: 21 },
  'random-search': { trials: 12, trainSize: 200, budget: { unit: 'epochs', count: 3 } },
  builder: { budget: { unit: 'epochs', count: 2 }, trainSize: 2000 },
}

async function startAll(request: APIRequestContext): Promise<Map<LabId, number>> {
  await request.get('/') // the session cookie comes with the app's page
  const ids = new Map<LabId, number>()
  for (const [labId, params] of Object.entries(SMALL) as [LabId, Record<string, unknown>][]) {
    const res = await request.post('/api/startLab', { data: { labId, params } })
    expect(res.ok(), await res.text()).toBe(true)
    ids.set(labId, ((await res.json()) as { experimentId: number }).experimentId)
  }
  await expect
    .poll(async () => {
      const list = (await (await request.post('/api/listExperiments', { data: {} })).json()) as { id: number; status: string }[]
      return list.filter((e) => [...ids.values()].includes(e.id) && e.status === 'finished').length
    }, { timeout: 300_000, intervals: [2000] })
    .toBe(ids.size)
  return ids
}

/** A fresh browser context per pass (size × language): the language and presentation mode are in localStorage before the app starts. */
async function pass(browser: Browser, size: { width: number; height: number }, storage: Record<string, string>): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: size, baseURL: test.info().project.use.baseURL })
  await context.addInitScript((s) => Object.entries(s).forEach(([k, v]) => localStorage.setItem(k, v)), storage)
  return { page: await context.newPage(), close: () => context.close() }
}

/** The whole page, and for a lab also what the window shows first (where the run bar sits). */
async function shot(page: Page, path: string, name: string): Promise<void> {
  await page.goto(`/#${path}`)
  await expect(page.locator('h1').first()).toBeVisible()
  await page.evaluate(() => document.fonts.ready)
  // Lab 3 computes its cells in the page (Web Workers): wait until the last one is drawn.
  await expect(page.getByText(/computing cells|칸 계산 중/)).toHaveCount(0, { timeout: 180_000 })
  await page.waitForTimeout(1000) // results load, charts draw
  await page.screenshot({ path: join(OUT!, `${name}.png`), fullPage: true })
  if (path.startsWith('/labs/')) await page.screenshot({ path: join(OUT!, `${name}-window.png`) })
}

test('every page at 1366×768 and 1920×1080, in English and Korean', async ({ browser, request }) => {
  test.setTimeout(900_000)
  mkdirSync(OUT!, { recursive: true })
  const ids = await startAll(request)
  const runs = (await (await request.post('/api/getExperiment', { data: { experimentId: ids.get('optimizers-mnist') } })).json()) as { runs: { id: number }[] }
  const pages: [string, string][] = [
    ['home', '/'],
    ...LAB_IDS.map((id, i): [string, string] => [`lab${i + 1}-${id}`, ids.has(id) ? `${labPath(id)}?experiment=${ids.get(id)}` : labPath(id)]),
    ['experiment', `/experiment/${ids.get('init-mnist')}`],
    ['history', '/history'],
    ['compare', `/compare?runs=${runs.runs.map((r) => r.id).join(',')}`],
    ['glossary', '/glossary'],
  ]
  for (const size of SIZES) {
    for (const locale of ['en', 'ko'] as const) {
      const { page, close } = await pass(browser, size, { 'gradient-lab.locale': locale })
      for (const [name, path] of pages) await shot(page, path, `${name}-${size.width}-${locale}`)
      await close()
    }
  }
  // Presentation mode (remembered in settings): one figure at a time, larger type and lines.
  const { page, close } = await pass(browser, SIZES[0], { 'gradient-lab.locale': 'en', 'gradient-lab.presentation': 'true' })
  await shot(page, `${labPath('optimizers-mnist')}?experiment=${ids.get('optimizers-mnist')}`, 'presentation-lab2-1366-en')
  await shot(page, `${labPath('overfit')}?experiment=${ids.get('overfit')}`, 'presentation-lab6-1366-en')
  await close()
})
