/**
 * Latency a student feels: Run pressed → the first metric event at a client. The app (browser
 * mode's LabService behind the real HTTP server) is started as the app starts; a client listens
 * on the SSE stream (/api/events) and presses Run with POST /api/startLab (lab 2, short runs so
 * each ends and leaves its trainer warm). The first run after the start is the cold figure; the
 * runs after it, with the trainers warm, give firstPointMs (median). Like the app's page, the client
 * first fetches / for the session cookie that every API call needs.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createLabApp } from '../src/main/app'
import { nodeForkSpawner } from '../src/main/runs/port'
import { startWebServer } from '../src/main/web/server'
import type { TrainerBundle } from './labs'
import { median } from './timing'

const ROOT = join(__dirname, '..')

export interface Latency {
  /** The first run after the app started (its trainers were starting with it). */
  coldFirstPointMs: number
  /** Median over the warm runs. */
  firstPointMs: number
  warmFirstPointsMs: number[]
  /** The pool's counters at the end (reused: runs that got a trainer which had already served one). */
  pool: { started: number; reused: number; recycled: number; discarded: number } | null
}

/** A minimal SSE client: calls onEvent for each `data:` line of the stream. */
async function listen(url: string, headers: Record<string, string>, onEvent: (e: { type: string }) => void, signal: AbortSignal): Promise<void> {
  const res = await fetch(url, { signal, headers })
  if (!res.body) throw new Error('no event stream')
  const reader = res.body.getReader()
  const decoder = new TextDecoder()
  let buf = ''
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) return
        buf += decoder.decode(value, { stream: true })
        let nl: number
        while ((nl = buf.indexOf('\n\n')) >= 0) {
          const frame = buf.slice(0, nl)
          buf = buf.slice(nl + 2)
          for (const line of frame.split('\n')) if (line.startsWith('data: ')) onEvent(JSON.parse(line.slice(6)))
        }
      }
    } catch {
      /* aborted */
    }
  })()
}

export async function measureLatency(trainer: TrainerBundle, warmRuns: number): Promise<Latency> {
  const dir = mkdtempSync(join(tmpdir(), 'gradient-lab-bench-latency-'))
  const app = createLabApp({
    mode: 'test',
    dbPath: join(dir, 'bench.db'),
    builtinDataPath: join(ROOT, 'resources', 'mnist-10k.bin'),
    spawn: nodeForkSpawner({ modulePath: trainer.modulePath, execArgv: trainer.kind === 'tsx' ? ['--import', 'tsx'] : [] }),
    warmTrainers: true,
  })
  const web = await startWebServer({ service: app.service, staticDir: null })
  const abort = new AbortController()
  // the first metric event seen per experiment (it may arrive before startLab's response)
  const firstSeen = new Map<number, number>()
  let wake: (() => void) | null = null
  try {
    // the session cookie first, as the app's page gets it (every API call and the event stream need it)
    const page = await fetch(new URL('/', web.url))
    await page.arrayBuffer()
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0]
    if (!cookie) throw new Error(`the server handed out no session cookie (GET / answered ${page.status})`)
    await listen(new URL('/api/events', web.url).href, { cookie }, (e) => {
      const ev = e as { type: string; experimentId?: number }
      if (ev.type === 'run.metrics' && ev.experimentId !== undefined && !firstSeen.has(ev.experimentId)) {
        firstSeen.set(ev.experimentId, performance.now())
        wake?.()
      }
    }, abort.signal)
    const press = async (): Promise<number> => {
      const t0 = performance.now()
      const res = await fetch(new URL('/api/startLab', web.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ labId: 'optimizers-mnist', params: { iterations: 30, evalEvery: 30 } }),
      })
      if (!res.ok) throw new Error(`startLab: HTTP ${res.status} ${await res.text()}`)
      const { experimentId } = (await res.json()) as { experimentId: number }
      while (!firstSeen.has(experimentId)) await new Promise<void>((r) => (wake = r))
      await app.runs.whenIdle()
      return firstSeen.get(experimentId)! - t0
    }
    const cold = await press()
    const warm: number[] = []
    for (let i = 0; i < warmRuns; i++) warm.push(await press())
    const stats = app.runs.poolStats?.() ?? null
    return {
      coldFirstPointMs: cold,
      firstPointMs: median(warm),
      warmFirstPointsMs: warm,
      pool: stats && { started: stats.started, reused: stats.reused, recycled: stats.recycled, discarded: stats.discarded },
    }
  } finally {
    abort.abort()
    await web.close()
    app.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
