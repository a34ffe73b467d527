/**
 * Request bodies with bounds: at most `maxBytes` per request (413, said before the connection
 * is closed, never a reset), at most a shared budget for all bodies in memory together (503), and
 * large uploads streamed to a temporary file instead of memory.
 */
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { RequestError } from '../../shared/api'

/** Bytes of request bodies held in memory now, across requests, against one budget. */
export class BodyBudget {
  private used = 0
  constructor(readonly total: number) {}
  take(n: number): boolean {
    if (this.used + n > this.total) return false
    this.used += n
    return true
  }
  give(n: number): void {
    this.used = Math.max(0, this.used - n)
  }
  get inUse(): number {
    return this.used
  }
}

const tooLarge = (max: number) =>
  new RequestError(`request body too large: the limit is ${Math.round(max / (1024 * 1024))} MB`, 413)

/** Refuses early from Content-Length when it already says the body is too large. */
export function checkDeclaredLength(req: IncomingMessage, max: number): void {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > max) throw tooLarge(max)
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return {}
  try {
    return JSON.parse(text)
  } catch {
    throw new RequestError('request body is not valid JSON')
  }
}

/** Reads a JSON body into memory, within `max` bytes and the shared `budget`. */
export function readJsonBody(req: IncomingMessage, max: number, budget: BodyBudget): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let size = 0
    let settled = false
    const parts: Buffer[] = []
    const fail = (err: Error) => {
      if (settled) return
      settled = true
      budget.give(size)
      parts.length = 0
      req.resume() // keep draining (discarding) so the answer can be sent before the connection closes
      reject(err)
    }
    req.on('data', (c: Buffer) => {
      if (settled) return
      if (size + c.length > max) return fail(tooLarge(max))
      if (!budget.take(c.length)) return fail(new RequestError('the server is busy receiving other large requests; try again in a moment', 503))
      size += c.length
      parts.push(c)
    })
    req.on('end', () => {
      if (settled) return
      settled = true
      const text = Buffer.concat(parts).toString('utf8')
      parts.length = 0
      budget.give(size)
      try {
        resolve(parseJson(text))
      } catch (err) {
        reject(err)
      }
    })
    req.on('error', (err) => fail(err))
    req.on('aborted', () => fail(new RequestError('the request was aborted', 400)))
  })
}

/** Streams a body to a temporary file (within `max` bytes), then parses it; the file is removed. */
export function readJsonBodyViaFile(req: IncomingMessage, max: number): Promise<unknown> {
  const dir = mkdtempSync(join(tmpdir(), 'gradient-lab-upload-'))
  const file = join(dir, 'body.json')
  const cleanup = () => rmSync(dir, { recursive: true, force: true })
  return new Promise<unknown>((resolve, reject) => {
    const out = createWriteStream(file)
    let size = 0
    let settled = false
    const fail = (err: Error) => {
      if (settled) return
      settled = true
      req.unpipe(out)
      out.destroy()
      req.resume()
      reject(err)
    }
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > max) fail(tooLarge(max))
    })
    req.on('error', fail)
    req.on('aborted', () => fail(new RequestError('the request was aborted', 400)))
    out.on('error', (err) => fail(new RequestError(`cannot store the upload in ${tmpdir()}: ${err.message}`, 507)))
    out.on('finish', () => {
      if (settled) return
      settled = true
      try {
        resolve(parseJson(readFileSync(file, 'utf8')))
      } catch (err) {
        reject(err)
      }
    })
    req.pipe(out)
  }).finally(cleanup)
}
