/// <reference lib="dom" />
/**
 * The window's page may compile WebAssembly under both of its CSPs (app://'s header and
 * index.html's meta tag; the stricter wins), so lab 8 estimates with the trainer's kernels.
 */
import { expect, test } from './fixtures'

test('the window may compile WebAssembly (lab 8 times the kernels the trainer runs)', async ({ desktop, page }) => {
  expect(desktop).toBeTruthy()
  await expect(page.locator('#app')).not.toBeEmpty()
  const result = await page.evaluate(async () => {
    try {
      await WebAssembly.compile(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]))
      return 'ok'
    } catch (e) {
      return String(e)
    }
  })
  expect(result).toBe('ok')
})
