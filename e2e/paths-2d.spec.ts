/// <reference lib="dom" />
/**
 * Lab 1 end to end against the real backend: the figure is computed in the page as you change it;
 * the inspector shows exactly what the shared computePaths gives; Save to History stores it and
 * History redraws the same figure.
 */
import { expect, test } from '@playwright/test'
import { FUNCTIONS_2D } from '../src/engine/functions2d'
import { Paths2dParamsSchema, computePaths } from '../src/labs/paths-2d/lab'
import { PNG_SIGNATURE, downloadBytes, pngPixelStats } from './helpers'
import { HistoryPage } from './pages/HistoryPage'
import { Paths2dPage, type OptimizerKind } from './pages/Paths2dPage'

const KINDS: OptimizerKind[] = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam']

test('draws six paths on the contours, follows clicks, lr changes and the player; the inspector matches computePaths', async ({ page }) => {
  const lab = new Paths2dPage(page)
  await lab.goto()
  await expect(lab.overlay).toHaveAttribute('data-series', '6')
  for (const kind of KINDS) await expect(lab.smallPlot(kind)).toBeVisible()

  // The book's settings, path for path.
  const book = computePaths(Paths2dParamsSchema.parse({}))
  const ends = await lab.ends()
  expect(Object.keys(ends)).toEqual(KINDS)
  for (const p of book.paths) {
    expect(ends[p.optimizer]![0]).toBeCloseTo(p.points[30]![0], 12)
    expect(ends[p.optimizer]![1]).toBeCloseTo(p.points[30]![1], 12)
  }
  // The contours are drawn: the overlay canvas holds many colours, not a blank.
  const overlayPng = await lab.overlay.locator('canvas').screenshot()
  expect((await pngPixelStats(page, overlayPng)).distinctColors).toBeGreaterThan(30)
  await lab.screenshot('lab1-book-defaults')

  // The inspector at step 3: Adam's m, v and t as computePaths has them.
  await lab.seek(3)
  const adam = book.paths.find((p) => p.optimizer === 'adam')!.steps[2]!.state as { m: number[]; v: number[]; t: number }
  const m = (await lab.state('adam', 'm')) as number[]
  const v = (await lab.state('adam', 'v')) as number[]
  for (const i of [0, 1]) {
    expect(m[i]).toBeCloseTo(adam.m[i]!, 14)
    expect(v[i]).toBeCloseTo(adam.v[i]!, 14)
  }
  expect(await lab.state('adam', 't')).toBe(3)
  await expect(lab.inspectorRow('adam')).toContainText('m = (−0.181, 0.9104)')
  await expect(lab.inspectorRow('momentum').locator('[data-key="v"]')).toBeVisible()
  await expect(lab.inspectorRow('adagrad').locator('[data-key="h"]')).toBeVisible()
  await expect(lab.overlay).toHaveAttribute('data-upto', '3')
  await expect(lab.smallPlot('sgd')).toHaveAttribute('data-upto', '3')

  // Single steps and the animation move the inspector.
  await page.getByRole('button', { name: 'Next step' }).click()
  await expect(lab.inspector).toHaveAttribute('data-step', '4')
  await page.getByRole('button', { name: 'Play', exact: true }).click()
  await expect.poll(async () => Number(await lab.inspector.getAttribute('data-step'))).toBeGreaterThan(5)
  await page.getByRole('button', { name: 'Pause', exact: true }).click()
  await lab.screenshot('lab1-step')

  // A click on the plot moves the start point: every path starts there.
  const box = (await lab.overlay.locator('canvas').boundingBox())!
  await lab.overlay.locator('canvas').click({ position: { x: box.width * 0.75, y: box.height * 0.3 } })
  await expect.poll(() => lab.start()).not.toEqual([-7, 2])
  const [sx, sy] = await lab.start()
  expect(sx).toBeGreaterThan(2)
  expect(sy).toBeGreaterThan(0)
  await expect(lab.number('Start x')).toHaveValue(String(sx))
  await lab.seek(0)
  for (const kind of KINDS) expect(JSON.parse((await lab.inspectorRow(kind).getAttribute('data-point'))!)).toEqual([sx, sy])

  // SGD's learning rate changes SGD's path, and only SGD's.
  const before = await lab.ends()
  await page.getByRole('spinbutton', { name: 'SGD Learning rate η' }).fill('0.3')
  await expect.poll(async () => (await lab.ends()).sgd).not.toEqual(before.sgd)
  const after = await lab.ends()
  const moved = computePaths(Paths2dParamsSchema.parse({ start: [sx, sy], optimizers: [{ kind: 'sgd', lr: 0.3 }] })).paths[0]!.points[30]!
  expect(after.sgd![0]).toBeCloseTo(moved[0], 12)
  expect(after.adam).toEqual(before.adam)

  // Inline validation: a bad β1 says why, and the figure keeps the last valid paths.
  await page.getByRole('spinbutton', { name: 'Adam β1' }).fill('1')
  await expect(page.getByText('β1: must be < 1')).toBeVisible()
  await expect(lab.saveButton).toBeDisabled()
  await page.getByRole('spinbutton', { name: 'Adam β1' }).fill('0.9')
  await expect(lab.saveButton).toBeEnabled()
})

test('exports PNG with settings, CSV per step; saves to History and redraws the same figure from there', async ({ page }) => {
  const lab = new Paths2dPage(page)
  await lab.goto()
  await page.getByRole('spinbutton', { name: 'Steps (updates)' }).fill('12')
  await expect(lab.slider).toHaveAttribute('max', '12')

  const download = await lab.exportPng()
  expect(download.suggestedFilename()).toBe('gradient-lab-paths-2d-lesson.png')
  const png = await downloadBytes(download)
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
  expect(png.includes(Buffer.from('"steps":12'))).toBe(true)
  expect(png.includes(Buffer.from('"seed":1'))).toBe(true)
  const stats = await pngPixelStats(page, png)
  expect(stats.minAlpha).toBe(255)
  expect(stats.distinctColors).toBeGreaterThan(50)
  expect(stats.width).toBeGreaterThanOrEqual(2400)
  await download.saveAs('e2e/screenshots/lab1-export.png')

  const csv = (await downloadBytes(await lab.exportCsv())).toString('utf8').trim().split('\n')
  expect(csv[0]).toBe(['step', ...KINDS.flatMap((k) => [`${k} x`, `${k} y`, `${k} f`])].join(','))
  expect(csv).toHaveLength(14)
  expect(csv[1]!.split(',').slice(1, 3).map(Number)).toEqual([-7, 2])

  await lab.seek(7)
  const onLab = { ends: await lab.ends(), adamM: await lab.state('adam', 'm'), inspector: await lab.inspector.locator('tbody').innerText() }
  await lab.saveButton.click()
  await expect(page.getByRole('status').filter({ hasText: /Saved as experiment #\d+/ })).toBeVisible()

  const history = new HistoryPage(page)
  await history.gotoViaNav()
  const name = 'Optimizer paths on a 2-D function: The lesson’s f = x²/20 + y²'
  await history.openExperiment(name)
  const stored = new Paths2dPage(page)
  await expect(stored.overlay).toHaveAttribute('data-series', '6')
  expect(await stored.ends()).toEqual(onLab.ends)
  await stored.seek(7)
  expect(await stored.state('adam', 'm')).toEqual(onLab.adamM)
  expect(await stored.inspector.locator('tbody').innerText()).toBe(onLab.inspector)
  await stored.screenshot('lab1-history')
})

test('Korean: the lesson’s terms, and other functions with their own contours', async ({ page }) => {
  const lab = new Paths2dPage(page)
  await lab.goto()
  await lab.languageButton('한국어').click()
  await expect(lab.heading('2차원 함수에서 본 매개변수 갱신 경로')).toBeVisible()
  await expect(page.getByText('단계별 내부 상태: 30단계')).toBeVisible()
  await lab.screenshot('lab1-ko')
  await page.getByLabel('함수', { exact: true }).selectOption('rosenbrock')
  await expect(lab.figure).toHaveAttribute('data-fn', 'rosenbrock')
  expect(await lab.start()).toEqual([-1.5, 2])
  await lab.screenshot('lab1-rosenbrock-ko')
  await page.getByLabel('함수', { exact: true }).selectOption('saddle')
  await expect(lab.figure).toHaveAttribute('data-fn', 'saddle')
  await lab.screenshot('lab1-saddle-ko')
  await lab.languageButton('English').click()
})

test('the keyboard moves a start marker over the contours and Enter starts the paths there (issue 11, item 5)', async ({ page }) => {
  const lab = new Paths2dPage(page)
  await lab.goto()
  const canvas = lab.overlay.locator('canvas')
  const marker = lab.overlay.getByTestId('start-marker')
  const said = lab.overlay.getByTestId('pick-announce')
  expect(await lab.start()).toEqual([-7, 2])
  await canvas.focus()
  await expect(canvas).toBeFocused()
  // Visible focus: the plot gets an outline when it is reached by the keyboard.
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Tab')
  await expect(canvas).toBeFocused()
  expect(await canvas.evaluate((c) => getComputedStyle(c).outlineStyle)).toBe('solid')

  // Escape drops a moved marker and leaves the start alone.
  await page.keyboard.press('ArrowLeft')
  await expect(marker).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(marker).toBeHidden()
  expect(await lab.start()).toEqual([-7, 2])

  // Arrows move the marker by 1/50 of the domain (Shift: 1/10); nothing moves until Enter.
  const { x, y } = FUNCTIONS_2D.lesson.domain
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'Shift+ArrowRight', 'ArrowUp']) await page.keyboard.press(key)
  const expected = [-7 + (3 * (x[1] - x[0])) / 50 + (x[1] - x[0]) / 10, 2 + (y[1] - y[0]) / 50].map((v) => Math.round(v * 100) / 100)
  await expect(said).toHaveText(`Start marker at (${expected[0]!.toFixed(2).replace('-', '−')}, ${expected[1]!.toFixed(2)}). Enter starts the paths there.`)
  expect(await lab.start()).toEqual([-7, 2])
  await page.keyboard.press('Enter')
  await expect.poll(() => lab.start()).toEqual(expected)
  await expect(marker).toBeHidden()
  await expect(said).toContainText('Paths now start at')
  await expect(lab.number('Start x')).toHaveValue(String(expected[0]))
  await lab.seek(0)
  for (const kind of KINDS) expect(JSON.parse((await lab.inspectorRow(kind).getAttribute('data-point'))!)).toEqual(expected)
})
