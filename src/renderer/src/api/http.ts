/**
 * Browser mode's LabBridge: `POST /api/<channel>` for every channel of the shared map (one generic
 * function, no per-channel code) and Server-Sent Events on `GET /api/events`. Responses and events
 * are validated against the shared schemas, like every other boundary.
 */
import { CHANNEL_NAMES, LabEventSchema, responses, type Api, type Channel, type LabBridge, type LabEvent } from '../lib/contract'
import type { ConnectionState } from './connection'

/** How long to wait before opening a new event stream after the old one was closed for good. */
const RETRY_CLOSED_MS = 5000

interface HttpBridgeOptions {
  /** Origin of the lab server; '' = the page's own. */
  base?: string
  /** Access token of a classroom (LAN) server, sent as `x-lab-token` and `?token=`. */
  token?: string
  /** Told whenever the event stream connects or drops. */
  onConnection?: (state: ConnectionState) => void
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text()
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

export function createHttpBridge(opts: HttpBridgeOptions = {}): LabBridge {
  const base = opts.base ?? ''
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (opts.token) headers['x-lab-token'] = opts.token

  // On loopback the server's per-launch secret is a SameSite=Strict cookie that comes with the
  // app's page, and fetch and EventSource send it by themselves. A restarted server has a new
  // secret: then the page is fetched again (same origin) for the new cookie, and the call retried.
  async function refreshSession(): Promise<boolean> {
    if (opts.token) return false
    try {
      return (await fetch(`${base}/`, { cache: 'no-store', credentials: 'same-origin' })).ok
    } catch {
      return false
    }
  }

  async function post(channel: Channel, request: unknown): Promise<Response> {
    try {
      return await fetch(`${base}/api/${channel}`, { method: 'POST', headers, credentials: 'same-origin', body: JSON.stringify(request ?? {}) })
    } catch {
      throw new Error(`${channel}: the lab server does not answer (is it still running?)`)
    }
  }

  async function call(channel: Channel, request: unknown): Promise<unknown> {
    let res = await post(channel, request)
    if (res.status === 401 && (await refreshSession())) res = await post(channel, request)
    const body = await readJson(res)
    if (!res.ok) {
      const message = (body as { error?: unknown } | undefined)?.error
      throw new Error(typeof message === 'string' ? message : `${channel}: HTTP ${res.status} ${res.statusText}`)
    }
    const parsed = responses[channel].safeParse(body)
    if (!parsed.success) throw new Error(`${channel}: unexpected answer from the server (${parsed.error.issues[0]?.message ?? 'invalid'})`)
    return parsed.data
  }

  const api = Object.fromEntries(CHANNEL_NAMES.map((c) => [c, (req: unknown) => call(c, req)])) as unknown as Api

  const listeners = new Set<(e: LabEvent) => void>()
  let source: EventSource | null = null

  function connect(): void {
    const url = `${base}/api/events${opts.token ? `?token=${encodeURIComponent(opts.token)}` : ''}`
    source = new EventSource(url)
    opts.onConnection?.('connecting')
    source.onopen = () => opts.onConnection?.('connected')
    // EventSource reconnects by itself after a dropped link; we only report that it is down
    // meanwhile. It gives up for good on an HTTP error answer: then we start over ourselves.
    source.onerror = () => {
      if (source?.readyState !== EventSource.CLOSED) return opts.onConnection?.('reconnecting')
      opts.onConnection?.('lost')
      source = null
      setTimeout(() => {
        if (source || listeners.size === 0) return
        void refreshSession().then(() => {
          if (!source && listeners.size > 0) connect()
        })
      }, RETRY_CLOSED_MS)
    }
    source.onmessage = (msg: MessageEvent<string>) => {
      let data: unknown
      try {
        data = JSON.parse(msg.data)
      } catch {
        return
      }
      const parsed = LabEventSchema.safeParse(data)
      if (!parsed.success) return console.warn('gradient-lab: ignored a malformed event', parsed.error.issues[0])
      for (const l of listeners) l(parsed.data)
    }
  }

  return {
    ...api,
    onEvent(cb) {
      listeners.add(cb)
      if (!source) connect()
      return () => {
        listeners.delete(cb)
      }
    },
  }
}
