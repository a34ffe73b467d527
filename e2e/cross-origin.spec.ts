/// <reference lib="dom" />
/**
 * Real Chromium, real backend: a page on another site (http://evil.example, served by Playwright's
 * router) tries to change the history of the lab the student has open: a no-cors text/plain
 * fetch, a credentialed JSON fetch and a text/plain form POST. None gets through; the app's own
 * page keeps working with its session cookie.
 */
import { expect, test } from '@playwright/test'

for (const evil of ['http://evil.example', `http://localhost:${Number(process.env.GRADIENT_LAB_E2E_PORT ?? 5197) + 7}`]) {
  test(`another site (${evil.replace(/:\d+$/, ':port')}) cannot rename or delete experiments`, async ({ page, request, baseURL }) => {
    await request.get('/')
    const started = await request.post('/api/startLab', { data: { labId: 'paths-2d', params: {}, name: `Cross-origin target ${evil}` } })
    expect(started.ok()).toBe(true)
    const { experimentId } = (await started.json()) as { experimentId: number }

    // the student has the lab open: the browser holds its cookie
    await page.goto('/#/history')
    await expect(page.getByText(`Cross-origin target ${evil}`).first()).toBeVisible()

    await page.route(`${evil}/**`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        // the form posts into a frame, so its answer (or a late one) never navigates the page itself
        body: `<!doctype html><iframe name="sink"></iframe><form id="f" method="POST" enctype="text/plain" target="sink" action="${baseURL}/api/deleteExperiment">
          <input name='{"experimentId":${experimentId},"x":"' value='"}'></form>`,
      }),
    )
    await page.goto(`${evil}/`)
    const results = await page.evaluate(
      async ({ base, id }) => {
        const out: string[] = []
        const tries: RequestInit[] = [
          { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ experimentId: id, name: 'pwned' }) },
          { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ experimentId: id, name: 'pwned' }) },
        ]
        for (const init of tries) {
          try {
            const r = await fetch(`${base}/api/renameExperiment`, init)
            out.push(`status ${r.status} (${r.type})`)
          } catch (e) {
            out.push(`blocked: ${(e as Error).message}`)
          }
        }
        return out
      },
      { base: baseURL!, id: experimentId },
    )
    // Chromium may block these itself (Private Network Access) or send them (an opaque answer the
    // page cannot read); either way the server must refuse what reaches it (checked below).
    expect(results[0]).toMatch(/opaque|blocked/)
    expect(results[1]).toMatch(/blocked/) // no CORS for other origins: the preflight is refused
    const formAnswer = page.waitForResponse((r) => r.url().endsWith('/api/deleteExperiment'), { timeout: 5000 }).catch(() => null)
    await page.evaluate(() => (document.getElementById('f') as HTMLFormElement).submit())
    const answered = await formAnswer
    if (answered) expect([401, 403, 415]).toContain(answered.status())

    const after = await request.post('/api/getExperiment', { data: { experimentId } })
    expect(after.ok()).toBe(true)
    expect(((await after.json()) as { experiment: { name: string } }).experiment.name).toBe(`Cross-origin target ${evil}`)

    // and the app's own page, in the same browser, still renames through its cookie
    await page.goto('/#/history')
    await page.getByRole('button', { name: `Rename Cross-origin target ${evil}` }).click()
    const dialog = page.getByRole('dialog', { name: 'Rename experiment' })
    await dialog.getByRole('textbox', { name: 'New name' }).fill(`Renamed by its own page ${evil}`)
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByText(`Renamed by its own page ${evil}`).first()).toBeVisible()
  })
}
