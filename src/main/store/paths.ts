/** Where the database lives by default, per platform. */
import { mkdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, isAbsolute, join, resolve } from 'node:path'

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
  if (opts.create ?? true) mkdirSync(dirname(file), { recursive: true })
  return file
}
