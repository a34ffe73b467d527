/**
 * Browser mode: a small HTTP server serving the built renderer, the API as `POST /api/<channel>`
 * (JSON in, JSON out) and live events as Server-Sent Events on `GET /api/events`.
 * Binds 127.0.0.1 unless told otherwise; a LAN bind requires a random access token.
 * Who may call it is decided in ./gate.ts, body limits in ./body.ts and ./limits.ts. Every request
 * ends in an answer: a handler that throws gets its error's status (500 at worst), never a crash.
 */
import { randomBytes } from 'node:crypto'
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { RequestError } from '../../shared/api'
import type { LabService } from '../service/LabService'
import { BodyBudget, checkDeclaredLength, readJsonBody, readJsonBodyViaFile } from './body'
import { EventStreams } from './events'
import { Gate } from './gate'
import { LIMITS, type Limits } from './limits'
import { lanOrigins } from './address'
import { serveStatic } from './static'

export { findRendererDir } from './static'

export interface WebServerOptions {
  service: LabService
  staticDir: string | null
  host?: string
  port?: number
  /** LAN mode's access token, required on every API call (header `x-lab-token` or `?token=`). */
  token?: string
  /** Overrides of ./limits.ts (tests). */
  limits?: Partial<Limits>
}

export interface WebServer {
  url: string
  /** --lan mode: the addresses (with the token) students open; empty on loopback. */
  lanUrls: string[]
  server: Server
  close(): Promise<void>
}

function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...extra })
  res.end(text)
}

/** Answers `err` if nothing was sent yet; a refused body also closes the connection after the answer. */
function sendError(req: IncomingMessage, res: ServerResponse, err: unknown): void {
  try {
    const status = err instanceof RequestError ? err.status : 500
    const message = err instanceof Error ? err.message : String(err)
    if (status === 500) console.error(`gradient-lab web: ${req.method} ${String(req.url).slice(0, 200)}: ${message}`)
    if (res.headersSent) return void res.destroy()
    const bodyRefused = status === 413 || status === 503 || !req.complete
    // No 'connection: close' here: Node would then close the socket with the body's bytes unread,
    // which resets the connection and loses this answer; instead the rest is drained (Node dumps it).
    sendJson(res, status, { error: message })
    // A client still sending a refused body is drained (read and dropped, never kept): closing with
    // its bytes unread would reset the connection and lose the answer. One that keeps sending for
    // 30 s after the answer is cut.
    if (bodyRefused) res.once('finish', () => setTimeout(() => req.socket.destroy(), 30_000).unref())
  } catch {
    res.destroy()
  }
}

export function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const { service, staticDir, token } = opts
  const host = opts.host ?? '127.0.0.1'
  const limits: Limits = { ...LIMITS, ...opts.limits }
  const server = createServer()
  const port = () => (server.address() as AddressInfo | null)?.port ?? opts.port ?? 0
  const gate = new Gate({ secret: token ?? randomBytes(24).toString('base64url'), lan: token !== undefined, port })
  const budget = new BodyBudget(limits.totalBodyBytes)
  const events = new EventStreams(service, limits.eventStreams)
  let importsInFlight = 0

  async function readBody(req: IncomingMessage, channel: string): Promise<unknown> {
    if (channel !== 'importBundle') {
      checkDeclaredLength(req, limits.apiBodyBytes)
      return readJsonBody(req, limits.apiBodyBytes, budget)
    }
    checkDeclaredLength(req, limits.importBodyBytes)
    return readJsonBodyViaFile(req, limits.importBodyBytes)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://localhost')
    } catch {
      throw new RequestError('bad request: the request target is not a valid URL', 400)
    }
    gate.checkHost(req)
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new RequestError('use GET for pages', 405)
      return serveStatic(staticDir, url, res, gate.pageCookie())
    }
    gate.checkApi(req, url)
    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') throw new RequestError('use GET /api/events', 405)
      return events.serve(req, res)
    }
    if (url.pathname === '/api/address') {
      // where a lesson link made on this page should point: on --lan, the classroom's address
      if (req.method !== 'GET') throw new RequestError('use GET /api/address', 405)
      return sendJson(res, 200, { lanOrigins: token ? lanOrigins(port()) : [] })
    }
    if (req.method !== 'POST') throw new RequestError('use POST /api/<channel>', 405)
    const channel = url.pathname.slice('/api/'.length)
    const isImport = channel === 'importBundle'
    if (isImport && importsInFlight >= limits.concurrentImports) throw new RequestError('another bundle is being imported; try again when it is done', 503)
    if (isImport) importsInFlight++
    try {
      const body = await readBody(req, channel)
      // on a classroom network (--lan, token set) each client's runs take turns with the others'
      const client = token ? req.socket.remoteAddress : undefined
      sendJson(res, 200, await service.handle(channel, body, { client }))
    } finally {
      if (isImport) importsInFlight--
    }
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    // The last-resort guard: whatever a handler throws or rejects with becomes an answer.
    try {
      handle(req, res).catch((err: unknown) => sendError(req, res, err))
    } catch (err) {
      sendError(req, res, err)
    }
  })
  // A malformed request line or headers: answer 400 and close, as Node does by default, but never throw.
  server.on('clientError', (_err, socket) => {
    try {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n')
      else socket.destroy()
    } catch {
      socket.destroy()
    }
  })

  return new Promise((resolveServer, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject)
      server.on('error', (err) => console.error(`gradient-lab web: ${err.message}`))
      const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host
      const url = `http://${shown}:${port()}/${token ? `?token=${token}` : ''}`
      resolveServer({
        url,
        lanUrls: token ? lanOrigins(port()).map((o) => `${o}/?token=${token}`) : [],
        server,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections()
            server.close(() => done())
          }),
      })
    })
  })
}
