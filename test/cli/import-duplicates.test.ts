/**
 * `gradient-lab import` and a bundle already imported, as History asks "skip / import again":
 * without a flag it is refused naming the experiments and writing nothing; --skip-duplicates
 * imports only the new ones; --import-again imports them again as new experiments.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { UsageError, parseCliArgs } from '../../src/cli/args'
import { importBundleFile } from '../../src/cli/transfer'
import { makeApp, tempDir } from '../service/helpers'

let t: ReturnType<typeof tempDir>
let app: ReturnType<typeof makeApp>
beforeEach(() => {
  t = tempDir()
  app = makeApp(t.dir, { warmTrainers: false })
})
afterEach(() => {
  app.close()
  t.cleanup()
})

const count = async () => (await app.service.call('listExperiments', {})).length

describe('import of a bundle already imported', () => {
  it('parses the two flags, which exclude each other', () => {
    expect(parseCliArgs(['import', 'b.glab.json'])).toMatchObject({ duplicates: 'ask' })
    expect(parseCliArgs(['import', 'b.glab.json', '--skip-duplicates'])).toMatchObject({ duplicates: 'skip' })
    expect(parseCliArgs(['import', 'b.glab.json', '--import-again'])).toMatchObject({ duplicates: 'keep' })
    expect(() => parseCliArgs(['import', 'b.glab.json', '--skip-duplicates', '--import-again'])).toThrow(/exclude each other/)
  })

  it('refuses without a flag, skips with --skip-duplicates, imports again with --import-again', async () => {
    const a = await app.service.call('startLab', { labId: 'paths-2d', params: { steps: 5 }, name: 'first' })
    const bundle = await app.service.call('exportBundle', { experimentIds: [a.experimentId] })
    const file = join(t.dir, 'one.glab.json')
    writeFileSync(file, JSON.stringify(bundle))
    // a second bundle: the stored experiment and a new one
    const b = await app.service.call('startLab', { labId: 'paths-2d', params: { steps: 6 }, name: 'second' })
    const both = await app.service.call('exportBundle', { experimentIds: [a.experimentId, b.experimentId] })
    await app.service.call('deleteExperiment', { experimentId: b.experimentId })
    const bothFile = join(t.dir, 'both.glab.json')
    writeFileSync(bothFile, JSON.stringify(both))
    expect(await count()).toBe(1)

    await expect(importBundleFile(app, file)).rejects.toThrow(UsageError)
    await expect(importBundleFile(app, file)).rejects.toThrow(new RegExp(`already imported: 'first' \\(stored as #${a.experimentId}\\)\\. Nothing was imported: pass --skip-duplicates .* or --import-again`))
    expect(await count(), 'nothing written').toBe(1)

    const skipped = await importBundleFile(app, bothFile, 'skip')
    expect(skipped).toMatchObject({ skipped: 1 })
    expect(skipped.experimentIds).toHaveLength(1)
    expect(await count()).toBe(2)

    const again = await importBundleFile(app, file, 'keep')
    expect(again).toEqual({ experimentIds: [expect.any(Number)], skipped: 0 })
    expect(await count()).toBe(3)
  })
})
