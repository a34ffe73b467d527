/**
 * The built preload loads in a sandboxed preload's world: a `vm` context whose `require` serves
 * only `electron` (a stub with contextBridge and ipcRenderer), `events`, `timers` and `url`
 * (https://www.electronjs.org/docs/latest/tutorial/sandbox#preload-scripts) and throws for
 * anything else, as Electron's does. No browser needed.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { expect, test } from '@playwright/test'
import { CHANNEL_NAMES } from '../../src/shared/ipc'
import { ROOT } from './harness/app'

interface Loaded {
  exposed: Record<string, Record<string, (...a: unknown[]) => unknown>>
  invokes: unknown[][]
  listeners: Map<string, ((...a: unknown[]) => void)[]>
  required: string[]
}

function loadInSandbox(source: string, reply: unknown = { ok: true, value: 'pong' }): Loaded {
  const loaded: Loaded = { exposed: {}, invokes: [], listeners: new Map(), required: [] }
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (...a: unknown[]) => unknown>) => (loaded.exposed[key] = api) },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => {
        loaded.invokes.push(args)
        return reply
      },
      on: (channel: string, fn: (...a: unknown[]) => void) => loaded.listeners.set(channel, [...(loaded.listeners.get(channel) ?? []), fn]),
      removeListener: (channel: string, fn: (...a: unknown[]) => void) => loaded.listeners.set(channel, (loaded.listeners.get(channel) ?? []).filter((f) => f !== fn)),
    },
  }
  const allowed: Record<string, unknown> = { electron, events: require('node:events'), timers: require('node:timers'), url: require('node:url') }
  const sandboxRequire = (name: string) => {
    loaded.required.push(name)
    if (name in allowed) return allowed[name]
    throw new Error(`module not found: ${name}`)
  }
  const module = { exports: {} }
  runInNewContext(`(function (require, module, exports) {\n${source}\n})`, { console, Promise, Error, Object })(sandboxRequire, module, module.exports)
  return loaded
}

const built = () => readFileSync(join(ROOT, 'out/preload/index.js'), 'utf8')

test('the built preload needs nothing but electron and exposes every channel plus onEvent', async () => {
  const loaded = loadInSandbox(built())
  expect(loaded.required).toEqual(['electron'])
  const api = loaded.exposed.gradientLab!
  expect(Object.keys(api).sort()).toEqual([...CHANNEL_NAMES, 'onEvent'].sort())

  // (Promises of the vm's realm: awaited, not handed to expect's .resolves.)
  expect(await api.startLab!({ labId: 'optimizers-mnist' })).toBe('pong')
  expect(loaded.invokes).toEqual([['lab:call', 'startLab', { labId: 'optimizers-mnist' }]])

  const seen: unknown[] = []
  const off = api.onEvent!((e: unknown) => seen.push(e)) as () => void
  for (const fn of loaded.listeners.get('lab:event') ?? []) fn({ sender: null }, { type: 'experiment.changed', experimentId: 1 })
  expect(seen).toEqual([{ type: 'experiment.changed', experimentId: 1 }])
  off()
  expect(loaded.listeners.get('lab:event')).toEqual([])
})

test('an error reply from the main process rejects the call with its message', async () => {
  const api = loadInSandbox(built(), { ok: false, error: 'params.iterations: must be > 0' }).exposed.gradientLab!
  const err = await (api.startLab!({ labId: 'optimizers-mnist' }) as Promise<unknown>).then(
    () => null,
    (e: Error) => e,
  )
  expect(err?.message).toBe('params.iterations: must be > 0')
})

test('the sandbox refuses any other module, as a preload that required zod would find', () => {
  expect(() => loadInSandbox('require("zod")')).toThrow('module not found: zod')
})
