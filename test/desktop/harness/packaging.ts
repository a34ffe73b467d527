/**
 * Does electron-builder.yml ship a file? The rules electron-builder applies, for the parts our
 * config uses: `files` globs (with `!` exclusions) relative to the project, production
 * dependencies from node_modules added automatically, `extraResources` entries, and native
 * addons matched by `asarUnpack` (an addon cannot load from inside the asar archive).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { ROOT } from './app'

export interface BuilderConfig {
  files: string[]
  extraResources?: { from: string; to: string }[]
  asarUnpack?: string[]
  electronFuses?: Record<string, boolean>
  [key: string]: unknown
}

export function builderConfig(): BuilderConfig {
  return parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig
}

/** minimatch's `**`, `*` and `?` (what our patterns use), anchored to the whole path. */
export function globToRegExp(glob: string): RegExp {
  let re = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/'
      re += slash ? '(?:.*/)?' : '.*'
      i += slash ? 2 : 1
    } else if (c === '*') re += '[^/]*'
    else if (c === '?') re += '[^/]'
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${re}$`)
}

const matchesAny = (path: string, globs: string[]) => globs.some((g) => globToRegExp(g).test(path))

/** Top-level packages npm installs for production (package-lock's entries marked neither dev nor devOptional). */
export function productionPackages(): Set<string> {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; devOptional?: boolean }> }
  const names = new Set<string>()
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (!key.startsWith('node_modules/') || entry.dev || entry.devOptional) continue
    names.add(key.slice('node_modules/'.length))
  }
  return names
}

/** The project-relative paths of `opened` that the packaged app would not have, with why. */
export function uncoveredFiles(opened: string[], config: BuilderConfig = builderConfig()): string[] {
  const include = config.files.filter((f) => !f.startsWith('!'))
  const exclude = config.files.filter((f) => f.startsWith('!')).map((f) => f.slice(1))
  const extra = new Set((config.extraResources ?? []).map((r) => r.from))
  const prod = productionPackages()
  const problems: string[] = []
  for (const path of opened) {
    if (path.startsWith('test/desktop/standin/')) continue // the stand-in itself, not the app
    if (path.endsWith('.node') && !matchesAny(path, config.asarUnpack ?? [])) problems.push(`${path}: a native addon not unpacked from the asar`)
    if (path.startsWith('node_modules/')) {
      const parts = path.split('/')
      const pkg = parts[1]!.startsWith('@') ? `${parts[1]}/${parts[2]}` : parts[1]!
      if (!prod.has(pkg)) problems.push(`${path}: ${pkg} is not a production dependency`)
    } else if (!extra.has(path) && !(matchesAny(path, include) && !matchesAny(path, exclude))) {
      problems.push(`${path}: matched by no files or extraResources entry`)
    }
  }
  return problems
}
