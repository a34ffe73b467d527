/**
 * Serves the built renderer; a bad request target gets 400, a missing file the app's page. A lesson
 * link `/labs/<lab>?…` is redirected to the app's page at that lab (`/#/labs/<lab>?…`, the
 * renderer's hash route), keeping a classroom token in the page's own query where the app reads it.
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { join, normalize, resolve, sep } from 'node:path'
import { linkHash, parseLinkTarget } from '../../labs/link'
import { RequestError } from '../../shared/api'
import { contentType } from '../mime'

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

function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname)
  } catch {
    throw new RequestError('bad request: the path is not valid percent-encoding', 400)
  }
}

/** `cookie`: the Set-Cookie of the app's page (its per-launch secret), sent with HTML only. */
export function serveStatic(staticDir: string | null, url: URL, res: ServerResponse, cookie: string | undefined): void {
  const html = (extra: Record<string, string> = {}) => (cookie ? { 'set-cookie': cookie, ...extra } : extra)
  if (url.pathname.startsWith('/labs/')) return redirectLink(url, res)
  if (!staticDir) {
    res.writeHead(503, html({ 'content-type': 'text/plain; charset=utf-8' }))
    res.end('The renderer is not built. Run `npm run build` (npm run web does it for you).')
    return
  }
  const rel = decodePath(url.pathname === '/' ? '/index.html' : url.pathname)
  if (rel.includes('\0')) throw new RequestError('bad request: the path holds a NUL byte', 400)
  const file = normalize(join(staticDir, rel))
  const inside = file.startsWith(resolve(staticDir) + sep)
  let target = join(staticDir, 'index.html')
  try {
    if (inside && existsSync(file) && statSync(file).isFile()) target = file
  } catch {
    // unreadable: the app's page instead
  }
  const isHtml = target.endsWith('.html')
  const headers: Record<string, string> = {
    'content-type': contentType(target),
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': target.endsWith('index.html') ? 'no-store' : 'max-age=3600',
  }
  res.writeHead(200, isHtml ? html(headers) : headers)
  const stream = createReadStream(target)
  stream.on('error', () => res.destroy())
  stream.pipe(res)
}

/** `/labs/<lab>?…` → `/#/labs/<lab>?…` (302); an unknown lab or a malformed link gets 404 saying why. */
function redirectLink(url: URL, res: ServerResponse): void {
  const target = parseLinkTarget(url.pathname + url.search)
  if (!target || 'error' in target) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' })
    res.end(`Not a lesson link: ${target?.error ?? 'unknown path'}.`)
    return
  }
  const page = target.token !== undefined ? `/?${new URLSearchParams({ token: target.token })}` : '/'
  res.writeHead(302, { location: page + linkHash(target), 'cache-control': 'no-store' })
  res.end()
}
