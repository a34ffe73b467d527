import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // The renderer's aliases (electron.vite.config.ts), for the few tests of pure renderer code
  // (src/labs/builder/ui/stepTiming.test.ts: lab 8's step timing).
  resolve: { alias: { '@renderer': resolve(import.meta.dirname, 'src/renderer/src'), '@figures': resolve(import.meta.dirname, 'src/figures') } },
  test: {
    // Each lab's tests live in its folder (src/labs/<lab-id>/lab.test.ts), the rest by area in test/.
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
})
