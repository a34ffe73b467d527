// Before the browser tests (`npm test`, `npm run test:e2e`, `npm run test:desktop`): makes sure a
// Chromium is there, in the order the Playwright configs look: $GRADIENT_LAB_CHROMIUM, Debian's
// /usr/bin/chromium, Playwright's own. Where none exists it installs Playwright's Chromium
// (`npx playwright install chromium`, which needs the network); where that fails it stops with one
// sentence saying how to get one.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

function playwrightsOwn() {
  try {
    const path = require('playwright-core').chromium.executablePath()
    return path && existsSync(path) ? path : null
  } catch {
    return null
  }
}

function find() {
  const fromEnv = process.env.GRADIENT_LAB_CHROMIUM
  if (fromEnv) {
    if (existsSync(fromEnv)) return { path: fromEnv, from: '$GRADIENT_LAB_CHROMIUM' }
    console.error(`GRADIENT_LAB_CHROMIUM is set to ${fromEnv}, which does not exist: point it at a Chromium or unset it.`)
    process.exit(1)
  }
  if (existsSync('/usr/bin/chromium')) return { path: '/usr/bin/chromium', from: "Debian's chromium" }
  const own = playwrightsOwn()
  return own ? { path: own, from: "Playwright's own" } : null
}

let found = find()
if (!found) {
  console.log('No Chromium found; installing Playwright’s (npx playwright install chromium)…')
  const r = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit', timeout: 600_000 })
  found = r.status === 0 ? find() : null
}
if (!found) {
  console.error(
    'No Chromium for the browser tests and none could be installed: install one (Debian: `apt-get install chromium`; ' +
      'elsewhere `npx playwright install chromium` with network) or set GRADIENT_LAB_CHROMIUM to its path.',
  )
  process.exit(1)
}
console.log(`Browser tests use ${found.path} (${found.from}).`)
