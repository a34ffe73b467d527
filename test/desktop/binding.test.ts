/** The choice of better-sqlite3's compiled addon, and that the store really opens with it. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BINDING_ENV, sqliteBinding } from '../../src/main/store/binding'
import { Store } from '../../src/main/store/store'

const NODE_BUILD = join(__dirname, '../../node_modules/better-sqlite3/build/Release/better_sqlite3.node')

describe('sqliteBinding', () => {
  it('under Node (tests, CLI, browser mode) keeps the package’s own build', () => {
    expect(sqliteBinding({ env: { [BINDING_ENV]: '/elsewhere.node' } })).toBeUndefined()
  })
  it('in Electron uses the build npm start names', () => {
    expect(sqliteBinding({ electron: '45.5.0', isPackaged: false, env: { [BINDING_ENV]: '/cache/e45/better_sqlite3.node' } })).toBe('/cache/e45/better_sqlite3.node')
    expect(sqliteBinding({ electron: '45.5.0', isPackaged: true, env: { [BINDING_ENV]: '/cache/x.node' } })).toBe('/cache/x.node')
  })
  it('in an installed app uses the default, which electron-builder rebuilt for Electron', () => {
    expect(sqliteBinding({ electron: '45.5.0', isPackaged: true, env: {} })).toBeUndefined()
  })
  it('in Electron on a checkout without a build says how to get one', () => {
    expect(() => sqliteBinding({ electron: '45.5.0', isPackaged: false, env: {} })).toThrow(/no build for Electron 45\.5\.0.*npm start/)
  })
})

describe('Store with nativeBinding', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gradient-lab-binding-'))
  it('opens a real database through the named addon', () => {
    const store = Store.open(join(dir, 'a.db'), { nativeBinding: NODE_BUILD })
    expect(store.listExperiments({ limit: 10 })).toEqual([])
    store.close()
  })
  it('refuses a missing addon with the path in the message', () => {
    expect(() => Store.open(join(dir, 'b.db'), { nativeBinding: join(dir, 'missing.node') })).toThrow(/missing\.node/)
  })
})
