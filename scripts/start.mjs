// `npm start`: builds the app, then opens it in Electron; where the Electron runtime is missing or
// cannot start, says so in one sentence and opens browser mode instead.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const passThrough = process.argv.slice(2)

function build() {
  console.log('Building Gradient Lab…')
  // electron-vite's package exports do not include its bin; its path in node_modules is stable.
  const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
  const r = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  if (r.status !== 0) {
    console.error('The build failed (see above).')
    process.exit(r.status ?? 1)
  }
}

/** The Electron binary's path, or null with the reason. Electron ≥ 42 downloads it on first use. */
function electronBinary() {
  if (process.env.GRADIENT_LAB_BROWSER === '1') return { path: null, why: 'GRADIENT_LAB_BROWSER=1 asks for browser mode' }
  let dir
  try {
    dir = dirname(require.resolve('electron/package.json'))
  } catch {
    return { path: null, why: 'the electron package is not installed' }
  }
  const probe = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("electron"))'], { cwd: root, timeout: 180_000, encoding: 'utf8' })
  const path = probe.status === 0 ? probe.stdout.trim() : ''
  if (path && existsSync(path)) return { path, why: '' }
  const txt = join(dir, 'path.txt')
  const hint = existsSync(txt) ? readFileSync(txt, 'utf8').trim() : ''
  return { path: null, why: hint ? `its binary ${hint} is missing` : 'its binary could not be downloaded' }
}

function browserMode(reason) {
  console.log(`The Electron runtime is not available here (${reason}), so Gradient Lab opens in browser mode instead.`)
  const child = spawn(process.execPath, [join(root, 'out/main/web.js'), '--open', ...passThrough], { cwd: root, stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
}

build()
const electron = electronBinary()
if (!electron.path) browserMode(electron.why)
else {
  const child = spawn(electron.path, [root, ...passThrough], { cwd: root, stdio: ['ignore', 'inherit', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (d) => {
    stderr += d
    process.stderr.write(d)
  })
  child.on('error', (err) => browserMode(`it could not start: ${err.message}`))
  child.on('exit', (code) => {
    if (code && /NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(stderr)) {
      browserMode('better-sqlite3 is built for Node, not for Electron; see README "Packaging"')
    } else process.exit(code ?? 0)
  })
}
