/// <reference lib="dom" />
/**
 * The desktop app's command line: `gradient-lab /labs/<lab>?…` opens the window at that lab with
 * those settings; a second launch while it runs hands its link to the first instance (one app per
 * user-data folder: app.requestSingleInstanceLock + 'second-instance') and quits; a bad link opens
 * the home page and says why.
 */
import { expect as pwExpect } from '@playwright/test'
import { OptimizersMnistPage } from '../../e2e/pages/OptimizersMnistPage'
import { OverfitPage } from '../../e2e/pages/OverfitPage'
import { expect, test } from './fixtures'
import { APP_ORIGIN, DesktopApp, toPageUrl } from './harness/app'

test('a lesson link on the command line opens its lab with its settings; a second launch hands its link to the first', async ({ browser, userData }) => {
  const first = DesktopApp.start({ userData, args: ['--some-chromium-switch', '/labs/optimizers-mnist?iterations=700&optimizers=sgd,adam&colour=blue'] })
  const context = await browser.newContext()
  const page = await context.newPage()
  try {
    await first.route(context)
    const load = await first.firstLoad()
    expect(load.url).toBe(`${APP_ORIGIN}/index.html#/labs/optimizers-mnist?iterations=700&optimizers=sgd%2Cadam&colour=blue`)
    await first.show(context, page)
    const lab = new OptimizersMnistPage(page)
    await pwExpect(lab.number('Iterations')).toHaveValue('700')
    await pwExpect(lab.optimizer('SGD')).toBeChecked()
    await pwExpect(lab.optimizer('Adam')).toBeChecked()
    await pwExpect(lab.optimizer('Momentum')).not.toBeChecked()
    await pwExpect(page.getByTestId('lesson-link-issues').locator('li[data-key="colour"]')).toContainText("unknown key 'colour'")

    // The second launch: same user data, another link; it quits, the first window goes there.
    await first.minimize(load.webContentsId)
    const second = DesktopApp.start({ userData, args: ['http://127.0.0.1:5177/labs/overfit?cure=dropout&dropout=0.15'] })
    expect(await second.exited, 'the second instance quits').toBe(0)
    const next = await first.load(1)
    expect(next.url).toBe(`${APP_ORIGIN}/index.html#/labs/overfit?cure=dropout&dropout=0.15`)
    const win = (await first.state()).windows[0]!
    expect(win.minimized, 'restored').toBe(false)
    expect(win.focusCount, 'focused').toBeGreaterThan(0)
    await page.goto(toPageUrl(next.url))
    const overfit = new OverfitPage(page)
    await pwExpect(overfit.cure('Dropout')).toBeChecked()
    await pwExpect(overfit.number('Dropout ratio')).toHaveValue('0.15')
  } finally {
    await context.close()
    await first.stop()
  }
})

test('a bad lesson link on the command line opens the home page and says why on stderr', async ({ userData }) => {
  const app = DesktopApp.start({ userData, args: ['/labs/no-such-lab?iterations=1'] })
  try {
    expect((await app.firstLoad()).url).toBe(`${APP_ORIGIN}/index.html`)
    await pwExpect.poll(() => app.stderr.join('')).toMatch(/gradient-lab: there is no lab 'no-such-lab' \(labs: .*\); opening the home page instead\./)
  } finally {
    await app.stop()
  }
})
