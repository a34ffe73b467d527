/// <reference lib="dom" />
/**
 * The shipped font with the system fonts hidden (fontconfig pointed at a folder of its own, as on
 * a classroom machine without CJK fonts): the Korean UI and a Chart.js chart draw Hangul with
 * Pretendard, not missing-glyph boxes. Each check compares against a known-missing glyph (Thai,
 * which neither Pretendard nor DejaVu has), drawn the same way. The folder holds DejaVu Sans alone
 * when the machine has it (Latin only, no Hangul): with no font at all Chromium's renderer now
 * and then closed the page before the web font arrived (seen 1 in 4 launches here).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import config from '../playwright.config'
import { OptimizersMnistPage } from './pages/OptimizersMnistPage'
import { startOwnServer, type OwnServer } from './server'

const dir = mkdtempSync(join(tmpdir(), 'gradient-lab-no-fonts-'))
mkdirSync(join(dir, 'empty'))
const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'
if (existsSync(DEJAVU)) copyFileSync(DEJAVU, join(dir, 'empty', 'DejaVuSans.ttf'))
writeFileSync(
  join(dir, 'fonts.conf'),
  `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${join(dir, 'empty')}</dir><cachedir>${join(dir, 'cache')}</cachedir></fontconfig>\n`,
)
test.use({ launchOptions: { ...config.use!.launchOptions, env: { ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf') } } })

const MISSING = (n: number) => '\u0e01'.repeat(n) // Thai ก: not in Pretendard nor in DejaVu Sans

/** Widths of Hangul and of as many missing glyphs in the app's font, and whether Pretendard is loaded. */
function glyphWidths(page: Page, text: string) {
  return page.evaluate(
    ([text, missing]) => {
      const ctx = document.createElement('canvas').getContext('2d')!
      const sans = getComputedStyle(document.documentElement).getPropertyValue('--font-sans')
      const width = (t: string) => ((ctx.font = `16px ${sans}`), ctx.measureText(t).width)
      return { hangul: width(text), missing: width(missing), loaded: document.fonts.check('16px Pretendard', text) }
    },
    [text, MISSING([...text].length)] as const,
  )
}

// A server and database of its own: this run must not show up in the other specs' History.
const PORT = Number(process.env.GRADIENT_LAB_E2E_PORT ?? 5197) + 3
let server: OwnServer
test.beforeAll(async () => {
  server = await startOwnServer(PORT, 'fonts')
})
test.afterAll(async () => {
  await server.stop()
})

test('with no CJK system font the Korean UI and a chart draw Hangul in the shipped font', async ({ page }) => {
  const lab = new OptimizersMnistPage(page)
  await page.goto(`${server.url}/#/labs/optimizers-mnist`)
  await expect(lab.heading('Optimizers on MNIST')).toBeVisible()
  await lab.race('SGD', 'Adam')
  await lab.set({ iterations: 40, evalEvery: 20 })
  await lab.runButton.click()
  await expect(page).toHaveURL(/experiment=\d+/)
  await expect.poll(() => lab.chartPoints(), { timeout: 60_000 }).toBe(80)

  await lab.languageButton('한국어').click()
  const heading = page.getByRole('heading', { level: 1 })
  await expect(heading).toHaveText(/[가-힣]/)
  await page.evaluate(() => document.fonts.ready)

  // The UI: the heading is laid out in Pretendard (its width is Pretendard's), not in boxes.
  const title = await heading.innerText()
  const w = await glyphWidths(page, title)
  expect(w.loaded).toBe(true)
  expect(Math.abs(w.hangul - w.missing)).toBeGreaterThan(title.length * 2)
  const laidOut = await heading.evaluate((el) => {
    const r = document.createRange()
    r.selectNodeContents(el)
    const ctx = document.createElement('canvas').getContext('2d')!
    const s = getComputedStyle(el)
    ctx.font = `${s.fontWeight} ${s.fontSize} Pretendard`
    const text = el.textContent ?? ''
    const spacing = (parseFloat(s.letterSpacing) || 0) * [...text].length
    return { box: r.getBoundingClientRect().width, pretendard: ctx.measureText(text).width + spacing }
  })
  expect(Math.abs(laidOut.box - laidOut.pretendard)).toBeLessThan(2)

  // The chart: its Korean title (drawn by Chart.js on the canvas) has the ink of that title in
  // Pretendard and not the ink of as many missing glyphs.
  await expect(lab.lossChart).toHaveAttribute('data-draws', /[2-9]|\d\d/)
  const ink = await lab.lossChart.locator('canvas').evaluate((canvas: HTMLCanvasElement, missing) => {
    const dark = (c: HTMLCanvasElement, h: number) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, h).data
      let n = 0
      for (let i = 0; i < d.length; i += 4) if (d[i + 3]! > 128 && d[i]! + d[i + 1]! + d[i + 2]! < 3 * 140) n++
      return n
    }
    const ratio = canvas.width / canvas.clientWidth
    const band = Math.round(30 * ratio)
    const reference = (text: string) => {
      const c = document.createElement('canvas')
      c.width = canvas.width
      c.height = band
      const ctx = c.getContext('2d')!
      ctx.scale(ratio, ratio)
      ctx.fillStyle = '#3b4252'
      ctx.font = `bold 14px ${getComputedStyle(document.documentElement).getPropertyValue('--font-sans')}`
      ctx.fillText(text, 10, 20)
      return dark(c, band)
    }
    const text = '반복마다의 손실 함수 값'
    return { chart: dark(canvas, band), pretendard: reference(text), missing: reference(missing) }
  }, MISSING(12))
  expect(ink.pretendard).toBeGreaterThan(100)
  expect(Math.abs(ink.chart - ink.pretendard)).toBeLessThan(ink.pretendard * 0.25)
  expect(Math.abs(ink.chart - ink.missing)).toBeGreaterThan(Math.abs(ink.chart - ink.pretendard) * 2)
  await page.setViewportSize({ width: 1366, height: 768 })
  await lab.screenshot('fonts-korean-no-system-fonts')
})

test('the math symbols Pretendard lacks (∇ ⟲ ≡) are drawn with the shipped symbol font, not a system one', async ({ page }) => {
  await page.goto(`${server.url}/#/`)
  await page.evaluate(() => document.fonts.ready)
  const client = await page.context().newCDPSession(page)
  await client.send('DOM.enable')
  await client.send('CSS.enable')
  for (const symbol of ['∇', '⟲', '≡']) {
    // the element whose own text is the symbol (the sidebar's logo and nav marks)
    const found = await page.evaluate((s) => {
      const el = [...document.querySelectorAll('body *')].find((e) => e.childElementCount === 0 && e.textContent?.trim() === s)
      el?.setAttribute('data-symbol-probe', s)
      return Boolean(el)
    }, symbol)
    expect(found, `an element showing ${symbol}`).toBe(true)
    await expect.poll(async () => {
      const { root } = await client.send('DOM.getDocument')
      const { nodeId } = await client.send('DOM.querySelector', { nodeId: root.nodeId, selector: `[data-symbol-probe="${symbol}"]` })
      const { fonts } = await client.send('CSS.getPlatformFontsForNode', { nodeId })
      return fonts.map((f) => f.familyName)
    }, { message: `the font that draws ${symbol}` }).toEqual(['Noto Sans Math'])
  }
})
