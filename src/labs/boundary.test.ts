/**
 * The Node side (service, CLI, trainer, tests, bench) never loads a lab's ui/ folder: tsconfig.node.json
 * leaves src/labs/<lab-id>/ui out, but an import would pull a file back in, so this resolves the
 * Node project's whole import graph and fails on any ui/ file in it. Every lab of the registry also
 * has the pieces the renderer derives its page from.
 */
import { existsSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { LAB_IDS } from './registry'

const root = join(dirname(new URL(import.meta.url).pathname), '../..')

function nodeProgramFiles(): string[] {
  const configPath = join(root, 'tsconfig.node.json')
  const config = ts.readConfigFile(configPath, ts.sys.readFile)
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root, undefined, configPath)
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true, composite: false, emitDeclarationOnly: false } })
  return program.getSourceFiles().map((f) => relative(root, f.fileName))
}

describe('lab folders', () => {
  // Building the whole Node program takes 20–45 s on a loaded machine: a generous limit, not a timing.
  it('no file of a lab ui/ folder is in the Node project, not even through an import', { timeout: 180_000 }, () => {
    const files = nodeProgramFiles()
    expect(files).toContain('src/labs/registry.ts')
    expect(files.filter((f) => /^src\/labs\/[^/]+\/ui\//.test(f))).toEqual([])
  })

  it('every lab of the registry has its definition, its tests, its UI entry and its texts in both languages', () => {
    for (const id of LAB_IDS) {
      for (const piece of ['lab.ts', 'lab.test.ts', 'ui/index.ts', 'texts/en.ts', 'texts/ko.ts']) expect(existsSync(join(root, 'src/labs', id, piece)), `${id}/${piece}`).toBe(true)
    }
  })
})
