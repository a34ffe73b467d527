/**
 * Browser mode: a small HTTP server serving the built renderer, the API as `POST /api/<channel>`
 * (JSON in, JSON out) and live events as Server-Sent Events on `GET /api/events`.
 * Binds 127.0.0.1 unless told otherwise; a LAN bind requires a random access token.
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { RequestError } from '../../shared/api'
import type { LabService } from '../service/LabService'

export interface WebServerOptions {
  service: LabService
  staticDir: string | null
  host?: string
  port?: number
  /** Required on every API call (header `x-lab-token` or `?token=`) when set. */
  token?: string
}

export interface WebServer {
  url: string
  server: Server
  close(): Promise<void>
}

const MAX_BODY = 64 * 1024 * 1024
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
}
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

/** Finds the built renderer (out/renderer/index.html) above `fromDir`. */
export function findRendererDir(fromDir: string = __dirname): string | null {
  let dir = resolve(fromDir)
  for (let i = 0; i < 6; i++) {
    for (const candidate of [join(dir, 'renderer'), join(dir, 'out', 'renderer')]) {
      if (existsSync(join(candidate, 'index.html'))) return candidate
    }
    dir = resolve(dir, '..')
  }
  return null
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(text)
}

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolveBody, reject) => {
    let size = 0
    const parts: Buffer[] = []
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) {
        reject(new RequestError('request body too large', 413))
        req.destroy()
      } else parts.push(c)
    })
    req.on('end', () => {
      const text = Buffer.concat(parts).toString('utf8')
      if (text.trim() === '') return resolveBody({})
      try {
        resolveBody(JSON.parse(text))
      } catch {
        reject(new RequestError('request body is not valid JSON'))
      }
    })
    req.on('error', reject)
  })
}

export function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const { service, staticDir, token } = opts
  const host = opts.host ?? '127.0.0.1'
  const loopbackOnly = token === undefined

  const authorized = (req: IncomingMessage, url: URL): boolean =>
    !token || req.headers['x-lab-token'] === token || url.searchParams.get('token') === token

  const hostAllowed = (req: IncomingMessage): boolean => {
    if (!loopbackOnly) return true
    // Against DNS rebinding: a loopback server answers only to loopback host names.
    const h = (req.headers.host ?? '').replace(/:\d+$/, '')
    return h === '127.0.0.1' || h === 'localhost' || h === '[::1]'
  }

  function serveEvents(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
    res.write(': connected\n\n')
    const off = service.onEvent((e) => res.write(`data: ${JSON.stringify(e)}\n\n`))
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000)
    req.on('close', () => {
      off()
      clearInterval(ping)
    })
  }

  function serveStatic(url: URL, res: ServerResponse): void {
    if (!staticDir) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('The renderer is not built. Run `npm run build` (npm run web does it for you).')
      return
    }
    const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)
    const file = normalize(join(staticDir, rel))
    const inside = file.startsWith(resolve(staticDir) + sep)
    const target = inside && existsSync(file) && statSync(file).isFile() ? file : join(staticDir, 'index.html')
    res.writeHead(200, {
      'content-type': MIME[extname(target)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': target.endsWith('index.html') ? 'no-store' : 'max-age=3600',
    })
    createReadStream(target).pipe(res)
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (!hostAllowed(req)) return sendJson(res, 403, { error: 'host not allowed' })
    if (!url.pathname.startsWith('/api/')) return serveStatic(url, res)
    if (!authorized(req, url)) return sendJson(res, 401, { error: 'missing or wrong access token' })
    if (url.pathname === '/api/events' && req.method === 'GET') return serveEvents(req, res)
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'use POST /api/<channel>' })
    const channel = url.pathname.slice('/api/'.length)
    try {
      const body = await readBody(req)
      // on a classroom network (--lan, token set) each client's runs take turns with the others'
      const client = token ? req.socket.remoteAddress : undefined
      sendJson(res, 200, await service.handle(channel, body, { client }))
    } catch (err) {
      const status = err instanceof RequestError ? err.status : 500
      sendJson(res, status, { error: (err as Error).message })
    }
  })

  return new Promise((resolveServer, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, host, () => {
      const { port } = server.address() as AddressInfo
      const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host
      const url = `http://${shown}:${port}/${token ? `?token=${token}` : ''}`
      resolveServer({
        url,
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
