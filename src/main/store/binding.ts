/**
 * Which compiled better-sqlite3 the store loads. Node (tests, CLI, browser mode) uses the
 * package's own build. Electron has another ABI, so it gets its own build through better-sqlite3's
 * `nativeBinding` option:
 * - `GRADIENT_LAB_SQLITE_BINDING` names it (npm start builds or fetches one per Electron version
 *   into a cache folder and passes its path);
 * - an installed app (`app.isPackaged`) uses the package's default, which electron-builder rebuilt
 *   for Electron while packaging;
 * - otherwise (Electron started by hand on a checkout) there is none: a clear error.
 */
export interface BindingContext {
  /** `process.versions.electron`: set only inside Electron. */
  electron?: string
  isPackaged?: boolean
  env?: Record<string, string | undefined>
}

export const BINDING_ENV = 'GRADIENT_LAB_SQLITE_BINDING'

export function sqliteBinding(ctx: BindingContext): string | undefined {
  if (!ctx.electron) return undefined
  const named = ctx.env?.[BINDING_ENV]
  if (named) return named
  if (ctx.isPackaged) return undefined
  throw new Error(
    `better-sqlite3 has no build for Electron ${ctx.electron} here: start the app with \`npm start\`, which builds one ` +
      `(or set ${BINDING_ENV} to a better_sqlite3.node built for this Electron)`,
  )
}
