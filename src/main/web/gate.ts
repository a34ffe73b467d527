/**
 * Who may call the API (Jupyter's defence in depth: a page on another site must not be able to
 * drive a server on 127.0.0.1):
 * - on loopback, only loopback host names (DNS rebinding);
 * - a present `Origin` must be the server's own, and a browser's `Sec-Fetch-Site` must not say
 *   cross-site (a `text/plain` form POST needs no CORS preflight, so CORS alone protects nothing);
 * - POST bodies must be `application/json` (a cross-origin page cannot send that without a preflight);
 * - every API call and the event stream carry the per-launch secret: on loopback a SameSite=Strict,
 *   HttpOnly cookie that the app's own page receives (other sites' pages never send it), in LAN
 *   mode the access token of the printed URL (`x-lab-token` header or `?token=`).
 */
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { RequestError } from '../../shared/api'

export interface GateOptions {
  /** The per-launch secret. */
  secret: string
  /** LAN mode: the secret is the URL's token, and no cookie is handed out. */
  lan: boolean
  port: () => number
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

function same(a: string | undefined, b: string): boolean {
  if (a === undefined) return false
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

export class Gate {
  constructor(private readonly opts: GateOptions) {}

  /** Cookies do not tell ports apart: one name per port keeps two servers on one host apart. */
  get cookieName(): string {
    return `gradient-lab-${this.opts.port()}`
  }

  /** The Set-Cookie header for the app's page (loopback only), or undefined. */
  pageCookie(): string | undefined {
    if (this.opts.lan) return undefined
    return `${this.cookieName}=${this.opts.secret}; Path=/; HttpOnly; SameSite=Strict`
  }

  /** Throws a RequestError (403) when the Host header is not one this server answers to. */
  checkHost(req: IncomingMessage): void {
    if (this.opts.lan) return
    const h = (req.headers.host ?? '').replace(/:\d+$/, '')
    if (!LOOPBACK_HOSTS.has(h)) throw new RequestError('host not allowed', 403)
  }

  /** The checks of every /api/ request; `url` is the parsed request target. */
  checkApi(req: IncomingMessage, url: URL): void {
    const origin = req.headers.origin
    if (origin !== undefined && origin !== `http://${req.headers.host ?? ''}`) {
      throw new RequestError(`cross-origin request refused (Origin ${origin.slice(0, 100)})`, 403)
    }
    if (req.headers['sec-fetch-site'] === 'cross-site') throw new RequestError('cross-site request refused', 403)
    const given = this.opts.lan
      ? (headerText(req.headers['x-lab-token']) ?? url.searchParams.get('token') ?? undefined)
      : (cookieValue(req, this.cookieName) ?? headerText(req.headers['x-lab-token']))
    if (!same(given, this.opts.secret)) {
      throw new RequestError(this.opts.lan ? 'missing or wrong access token' : 'missing or wrong session cookie: reload the page', 401)
    }
    if (req.method === 'POST') {
      const type = (headerText(req.headers['content-type']) ?? '').split(';')[0]!.trim().toLowerCase()
      if (type !== 'application/json') throw new RequestError(`content-type must be application/json (got ${type || 'none'})`, 415)
    }
  }
}

function headerText(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v
}
