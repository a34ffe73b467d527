// `npm start`: builds the app, then opens it in Electron with a better-sqlite3 built for Electron's
// ABI (fetched once into a cache folder); where the Electron runtime or that build cannot be had,
// says so in one sentence and opens browser mode instead.
import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
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

/**
 * better-sqlite3 for this Electron: Node's own build has another ABI. Fetched once per Electron
 * version with prebuild-install (better-sqlite3's own installer, run on a copy of its package.json
 * so Node's build in node_modules stays as it is) into
 * node_modules/.cache/gradient-lab/better-sqlite3-<v>-electron-<v>-<platform>-<arch>/.
 * Returns the addon's path, or null with the reason. The app loads it through better-sqlite3's
 * `nativeBinding` option (src/main/store/binding.ts reads GRADIENT_LAB_SQLITE_BINDING).
 */
function electronSqlite(electronVersion) {
  const pkgDir = dirname(require.resolve('better-sqlite3/package.json'))
  const sqliteVersion = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version
  const dir = join(root, 'node_modules', '.cache', 'gradient-lab', `better-sqlite3-${sqliteVersion}-electron-${electronVersion}-${process.platform}-${process.arch}`)
  const addon = join(dir, 'build', 'Release', 'better_sqlite3.node')
  if (existsSync(addon)) return { path: addon, why: '' }
  console.log(`Fetching better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (once)…`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  copyFileSync(join(pkgDir, 'package.json'), join(dir, 'package.json'))
  const bin = join(dirname(require.resolve('prebuild-install/package.json')), 'bin.js')
  const args = [bin, '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch, '--platform', process.platform]
  const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', timeout: 300_000 })
  if (r.status === 0 && existsSync(addon)) return { path: addon, why: '' }
  const last = `${r.stderr ?? ''}${r.stdout ?? ''}`.trim().split('\n').pop() || `exit ${r.status}`
  rmSync(dir, { recursive: true, force: true })
  return { path: null, why: last.replace(/^prebuild-install\s*(warn|err!?)?\s*/i, '') }
}

function electronVersion() {
  return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
}

/** `why` is the first half of the one sentence the user reads. */
function browserMode(why) {
  console.log(`${why}, so Gradient Lab opens in browser mode instead.`)
  const child = spawn(process.execPath, [join(root, 'out/main/web.js'), '--open', ...passThrough], { cwd: root, stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
}

build()
const electron = electronBinary()
const sqlite = electron.path ? electronSqlite(electronVersion()) : null
if (!electron.path) browserMode(`The Electron runtime is not available here (${electron.why})`)
else if (!sqlite.path) browserMode(`better-sqlite3 for Electron ${electronVersion()} could not be fetched (${sqlite.why})`)
else {
  const env = { ...process.env, GRADIENT_LAB_SQLITE_BINDING: sqlite.path }
  const child = spawn(electron.path, [root, ...passThrough], { cwd: root, env, stdio: ['ignore', 'inherit', 'pipe'] })
  let stderr = ''
  child.stderr.on('data', (d) => {
    stderr += d
    process.stderr.write(d)
  })
  child.on('error', (err) => browserMode(`Electron could not start (${err.message})`))
  child.on('exit', (code) => {
    if (code && /NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(stderr)) {
      browserMode(`The better-sqlite3 in ${sqlite.path} does not fit this Electron (delete that folder to fetch it again)`)
    } else process.exit(code ?? 0)
  })
}
