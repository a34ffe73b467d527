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
