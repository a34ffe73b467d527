/** electron-builder.yml: what it ships, its fuses, and that the coverage check can fail. */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from './harness/app'
import { builderConfig, globToRegExp, uncoveredFiles } from './harness/packaging'

describe('electron-builder.yml', () => {
  const config = builderConfig()
  it('names the app and its installers', () => {
    expect(config.productName).toBe('Gradient Lab')
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z-]+)+$/)
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'] })
    expect(config.win).toMatchObject({ target: 'nsis' })
    expect(config.mac).toMatchObject({ target: 'dmg' })
  })
  it('sets the fuses: no run-as-node, no NODE_OPTIONS or --inspect, the app only from its asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    })
  })
  it('covers the app’s own kinds of files', () => {
    expect(uncoveredFiles(['out/main/index.js', 'out/renderer/assets/a.js', 'package.json', 'resources/mnist-10k.bin', 'node_modules/zod/index.cjs', 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'])).toEqual([])
  })
  it('flags what a config would miss', () => {
    const broken = { ...config, extraResources: [], asarUnpack: [] }
    expect(uncoveredFiles(['resources/mnist-10k.bin', 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'], broken)).toEqual([
      'resources/mnist-10k.bin: matched by no files or extraResources entry',
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node: a native addon not unpacked from the asar',
    ])
    expect(uncoveredFiles(['node_modules/vite/dist/index.js', 'src/main/app.ts', 'out/main/index.js.map'])).toEqual([
      'node_modules/vite/dist/index.js: vite is not a production dependency',
      'src/main/app.ts: matched by no files or extraResources entry',
      'out/main/index.js.map: matched by no files or extraResources entry',
    ])
  })
  it('matches globs as electron-builder does for our patterns', () => {
    expect(globToRegExp('out/**/*').test('out/main/index.js')).toBe(true)
    expect(globToRegExp('out/**/*').test('outside/x')).toBe(false)
    expect(globToRegExp('**/*.node').test('a.node')).toBe(true)
    expect(globToRegExp('**/*.node').test('node_modules/x/build/a.node')).toBe(true)
    expect(globToRegExp('**/*.map').test('out/a.js')).toBe(false)
  })
})

describe('package.json dependencies', () => {
  /** Bare modules the Node side (main process, trainers, CLI and what they share) imports at run time. */
  function nodeSideImports(): Set<string> {
    const found = new Set<string>()
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name)
        if (statSync(path).isDirectory()) {
          if (name === 'ui' || name === 'renderer' || name === 'preload') continue // bundled into the page by Vite
          walk(path)
        } else if (/\.ts$/.test(name) && !/\.test\.ts$/.test(name)) {
          const text = readFileSync(path, 'utf8')
          for (const m of text.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+'([^'./][^']*)'|import\('([^'./][^']*)'\)/gm)) {
            const spec = m[1] ?? m[2]!
            if (spec.startsWith('node:') || spec === 'electron' || spec.startsWith('@figures') || spec.startsWith('@renderer')) continue
            found.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!)
          }
        }
      }
    }
    walk(join(ROOT, 'src'))
    return found
  }

  it('lists exactly what the Node side imports: renderer-only packages are dev dependencies, bundled by Vite', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
    expect(Object.keys(pkg.dependencies).sort()).toEqual([...nodeSideImports()].sort())
  })
})
