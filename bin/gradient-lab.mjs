#!/usr/bin/env node
// The package bin: runs the built CLI (out/main/cli.js); `npm run lab -- ...` runs it from source.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const cli = join(root, 'out', 'main', 'cli.js')
if (!existsSync(cli)) {
  console.error('gradient-lab: the CLI is not built yet; run `npm run build` in ' + root + ' (or use `npm run lab -- ...`).')
  process.exit(1)
}
const { main } = createRequire(import.meta.url)(cli)
process.exitCode = await main(process.argv.slice(2))
