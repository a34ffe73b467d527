/// <reference lib="dom" />
/**
 * The page's two Content-Security-Policies (the server's header and index.html's meta tag) both
 * apply, so the stricter wins: both must allow WebAssembly compilation ('wasm-unsafe-eval'), or
 * lab 8's time estimate silently falls back to the TypeScript kernels (4–12× slower than the
 * WebAssembly ones the trainer uses) and the estimate is wrong again.
 */
import { expect, test } from '@playwright/test'

test('the page may compile WebAssembly under its CSP', async ({ page }) => {
  await page.goto('/')
  await expect(page.locator('#app')).not.toBeEmpty()
  const result = await page.evaluate(async () => {
    const empty = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00])
    let wasm = 'ok'
    try {
      await WebAssembly.compile(empty)
    } catch (e) {
      wasm = String(e)
    }
    return wasm
  })
  expect(result).toBe('ok')
})
