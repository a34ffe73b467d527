import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultDataDir, defaultDbPath } from '../../src/main/store'
import { tempDir } from './helpers'

const dir = tempDir()

describe('defaultDbPath', () => {
  it('uses $XDG_DATA_HOME on Linux and creates the folder', () => {
    const xdg = join(dir, 'xdg')
    const p = defaultDbPath({ env: { XDG_DATA_HOME: xdg }, platform: 'linux', home: '/home/u' })
    expect(p).toBe(join(xdg, 'gradient-lab', 'gradient-lab.db'))
    expect(existsSync(join(xdg, 'gradient-lab'))).toBe(true)
  })
  it('falls back to ~/.local/share (a relative XDG_DATA_HOME is ignored, per the spec)', () => {
    expect(defaultDataDir({ env: {}, platform: 'linux', home: '/home/u' })).toBe('/home/u/.local/share/gradient-lab')
    expect(defaultDataDir({ env: { XDG_DATA_HOME: 'rel' }, platform: 'linux', home: '/home/u' })).toBe('/home/u/.local/share/gradient-lab')
  })
  it('uses Application Support on macOS and %APPDATA% on Windows', () => {
    expect(defaultDataDir({ env: {}, platform: 'darwin', home: '/Users/u' })).toBe('/Users/u/Library/Application Support/gradient-lab')
    expect(defaultDataDir({ env: { APPDATA: '/c/Users/u/AppData/Roaming' }, platform: 'win32', home: '/c/Users/u' })).toBe(
      '/c/Users/u/AppData/Roaming/gradient-lab',
    )
  })
  it('honours GRADIENT_LAB_DB and creates its folder', () => {
    const p = join(dir, 'custom', 'deep', 'lab.db')
    expect(defaultDbPath({ env: { GRADIENT_LAB_DB: p, XDG_DATA_HOME: '/ignored' } })).toBe(p)
    expect(existsSync(join(dir, 'custom', 'deep'))).toBe(true)
  })
})
