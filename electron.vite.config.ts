import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'

/**
 * One build for every shell: main/ (the Electron entry plus the plain-Node entries of browser
 * mode, the CLI and the trainer process), the sandboxed preload, and the Vue renderer.
 */
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/electron/main.ts'),
          trainer: resolve(__dirname, 'src/trainer/main.ts'),
          instant: resolve(__dirname, 'src/main/service/instant-worker.ts'),
          web: resolve(__dirname, 'src/main/web/main.ts'),
          cli: resolve(__dirname, 'src/cli/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { alias: { '@renderer': resolve(__dirname, 'src/renderer/src'), '@figures': resolve(__dirname, 'src/figures') } },
    plugins: [vue()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
})
