/** The database cannot be used by this app (newer schema, another app's file, not SQLite). */
export class DatabaseOpenError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message)
    this.name = 'DatabaseOpenError'
  }
}

/** An experiment, run or saved spec that does not exist. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'NotFoundError'
  }
}

/** A bundle that cannot be imported; the database is left unchanged. */
export class BundleError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BundleError'
  }
}

/** Whether a store write failed because the disk (or the file system's quota) is full. */
export function isDiskFull(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT'
}

/** One sentence for a failed store write: `what` is what could not be saved. */
export function describeWriteError(what: string, err: unknown): string {
  if (isDiskFull(err)) return `the disk is full: could not save ${what}. Free some space, then start it again.`
  return `could not save ${what} in the database: ${(err as Error).message}`
}
