/**
 * The app's own origin, `app://gradient-lab/`: a privileged custom scheme that serves the built
 * renderer (out/renderer) instead of file://, as Electron's security checklist advises
 * (https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols).
 * No `electron` import here: the handler is a plain Request → Response function, so it is
 * tested under Node and used by the desktop test harness exactly as Electron would call it.
 */
import { readFile, stat } from 'node:fs/promises'
import { isAbsolute, join, relative, resolve } from 'node:path'
import { contentType } from '../mime'

export const APP_SCHEME = 'app'
export const APP_HOST = 'gradient-lab'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY = `${APP_ORIGIN}/index.html`

/**
 * For `protocol.registerSchemesAsPrivileged`, before `ready`
 * (https://www.electronjs.org/docs/latest/api/protocol#protocolregisterschemesasprivilegedcustomschemes):
 * standard (relative URLs and module scripts resolve, web storage works), secure (a secure
 * context, like https), fetch allowed, V8 code cache. Not bypassCSP: our CSP applies.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
}

/** Sent with every page and script of the renderer (the same policy as browser mode). */
export const APP_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'"

/** True for URLs of our own origin (the only one allowed to navigate, open or call IPC). */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false
  try {
    const u = new URL(url)
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST
  } catch {
    return false
  }
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } })
}

/**
 * Maps a request of `app://gradient-lab/<path>` to a file inside `rendererDir`, or refuses it:
 * another host → 404, a method other than GET/HEAD → 405, a path that resolves outside the
 * folder (`..`, encoded or not; absolute; NUL) → 403, a missing file → 404.
 */
export async function serveRenderer(rendererDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, `${request.method} is not allowed on ${APP_ORIGIN}`)
  let url: URL
  try {
    url = new URL(request.url)
  } catch {
    return plain(400, `not a URL: ${request.url}`)
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, `${request.url}: unknown host (only ${APP_ORIGIN} is served)`)
  let rel: string
  try {
    rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)
  } catch {
    return plain(400, `${url.pathname}: bad percent-encoding`)
  }
  const root = resolve(rendererDir)
  const file = resolve(join(root, rel))
  const inside = relative(root, file)
  if (rel.includes('\0') || inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    return plain(403, `${url.pathname}: outside the app's folder`)
  }
  try {
    const st = await stat(file)
    if (!st.isFile()) return plain(404, `${url.pathname}: not a file`)
  } catch {
    return plain(404, `${url.pathname}: no such file in the app`)
  }
  const body = request.method === 'HEAD' ? null : await readFile(file)
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': contentType(file),
      'content-security-policy': APP_CSP,
      'x-content-type-options': 'nosniff',
    },
  })
}
