/** Where the database lives by default, per platform. */
import { accessSync, constants, mkdirSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { DatabaseOpenError } from './errors'

export const APP_DIR = 'gradient-lab'
export const DB_FILE = 'gradient-lab.db'

export interface PathOptions {
  env?: NodeJS.ProcessEnv
  platform?: NodeJS.Platform
  home?: string
  /** Create the folder (default true). */
  create?: boolean
}

/**
 * The app's data folder: Linux and others `$XDG_DATA_HOME/gradient-lab` (when set and absolute,
 * per the XDG spec) or `~/.local/share/gradient-lab`; macOS `~/Library/Application
 * Support/gradient-lab`; Windows `%APPDATA%/gradient-lab`.
 */
export function defaultDataDir(opts: PathOptions = {}): string {
  const env = opts.env ?? process.env
  const platform = opts.platform ?? process.platform
  const home = opts.home ?? homedir()
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR)
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_DIR)
  const xdg = env.XDG_DATA_HOME
  return join(xdg && isAbsolute(xdg) ? xdg : join(home, '.local', 'share'), APP_DIR)
}

/** `$GRADIENT_LAB_DB` when set, else `<defaultDataDir()>/gradient-lab.db`; creates the folder. */
export function defaultDbPath(opts: PathOptions = {}): string {
  const env = opts.env ?? process.env
  const file = env.GRADIENT_LAB_DB ? resolve(env.GRADIENT_LAB_DB) : join(defaultDataDir(opts), DB_FILE)
  if (opts.create ?? true) {
    try {
      mkdirSync(dirname(file), { recursive: true })
    } catch (err) {
      throw new DatabaseOpenError(file, `cannot create the folder ${dirname(file)} for the database (${reason(err)}).`)
    }
  }
  return file
}

const reason = (err: unknown): string => {
  const e = err as NodeJS.ErrnoException
  const why: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'read-only file system',
    ENOTDIR: 'a part of the path is a file, not a folder',
    ENOSPC: 'the disk is full',
  }
  return (e.code && why[e.code]) ?? e.message
}

/**
 * Checks a database path before SQLite touches it, so a bad one is refused with one sentence
 * and nothing is created: it must be an existing regular file or a new name in a folder that
 * exists (or can be made) and is writable (SQLite writes `-wal` and `-shm` files beside it).
 * `/dev/null`, a folder, a FIFO or an empty path are refused.
 */
export function prepareDbPath(path: string): void {
  if (path.trim() === '') throw new DatabaseOpenError(path, 'the database path is empty: give a file name (--db PATH).')
  let kind: 'file' | 'other' | 'none' = 'none'
  try {
    kind = statSync(path).isFile() ? 'file' : 'other'
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new DatabaseOpenError(path, `${path}: cannot use it as the database (${reason(err)}).`)
  }
  if (kind === 'other') throw new DatabaseOpenError(path, `${path} is not a regular file: give a new file name or an existing Gradient Lab database.`)
  const dir = dirname(resolve(path))
  try {
    mkdirSync(dir, { recursive: true })
  } catch (err) {
    throw new DatabaseOpenError(path, `cannot create the folder ${dir} for the database (${reason(err)}).`)
  }
  try {
    accessSync(dir, constants.W_OK)
    if (kind === 'file') accessSync(path, constants.R_OK | constants.W_OK)
  } catch (err) {
    throw new DatabaseOpenError(path, `${kind === 'file' ? path : `the folder ${dir}`} is not writable (${reason(err)}), so the database cannot be used there.`)
  }
}
