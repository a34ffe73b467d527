/**
 * `npm run web`: browser mode. Starts the LabService behind a local HTTP server and prints the URL.
 *   --port N      port (default 5177; 0 = any free port)
 *   --db PATH     database file (default: the user's data directory)
 *   --lan         serve the classroom network (binds 0.0.0.0 with a random access token)
 *   --open        open the default browser
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createLabApp } from '../app'
import { findRendererDir, startWebServer } from './server'

export interface WebArgs {
  port: number
  db?: string
  lan: boolean
  open: boolean
}

export function parseWebArgs(argv: string[]): WebArgs {
  const args: WebArgs = { port: 5177, lan: false, open: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = () => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${a} needs a value`)
      return v
    }
    if (a === '--port') {
      args.port = Number(value())
      if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new Error('--port: expects 0..65535')
    } else if (a === '--db') args.db = value()
    else if (a === '--lan') args.lan = true
    else if (a === '--open') args.open = true
    else throw new Error(`unknown option '${a}' (known: --port N, --db PATH, --lan, --open)`)
  }
  return args
}

export function openBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open'
  try {
    spawn(cmd, [url], { detached: true, stdio: 'ignore' }).on('error', () => undefined).unref()
  } catch {
    // no browser opener on this machine: the URL is printed anyway
  }
}

/** One sentence for what stopped the start: the database, the port, or else the error's message. */
export function startupError(err: unknown, port?: number): string {
  const e = err as NodeJS.ErrnoException
  if (e.code === 'EADDRINUSE') return `port ${port} is already in use (another Gradient Lab or another program): choose another with --port N.`
  if (e.code === 'EACCES' && port !== undefined) return `port ${port} may not be used by this user: choose one above 1023 with --port N.`
  return e.message ?? String(err)
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  let args: WebArgs
  try {
    args = parseWebArgs(argv)
  } catch (err) {
    console.error(`gradient-lab web: ${(err as Error).message}`)
    process.exit(2)
  }
  // The last resort: nothing a client sends may end the server. Request errors are answered in
  // ./server.ts; anything that still escapes is logged in one line and the server keeps serving.
  process.on('unhandledRejection', (err) => console.error(`gradient-lab web: unexpected error (the server keeps running): ${(err as Error)?.message ?? err}`))
  process.on('uncaughtException', (err) => console.error(`gradient-lab web: unexpected error (the server keeps running): ${err.message}`))
  let app: ReturnType<typeof createLabApp>
  try {
    app = createLabApp({ mode: 'browser', dbPath: args.db })
  } catch (err) {
    console.error(`gradient-lab web: ${startupError(err)}`)
    process.exit(1)
  }
  const staticDir = findRendererDir()
  const token = args.lan ? randomBytes(16).toString('hex') : undefined
  let web: Awaited<ReturnType<typeof startWebServer>>
  try {
    web = await startWebServer({ service: app.service, staticDir, port: args.port, host: args.lan ? '0.0.0.0' : '127.0.0.1', token })
  } catch (err) {
    app.close()
    console.error(`gradient-lab web: ${startupError(err, args.port)}`)
    process.exit(1)
  }
  console.log(`Gradient Lab (browser mode) is at ${web.url}`)
  // 127.0.0.1 is this machine only: the classroom needs the network address
  for (const u of web.lanUrls) console.log(`Students open: ${u}`)
  if (args.lan && web.lanUrls.length === 0) console.log('No network address found: is this machine connected to the classroom network?')
  console.log(`Database: ${app.store.path}`)
  if (app.interrupted > 0) console.log(`${app.interrupted} run(s) left running by a previous session were marked interrupted.`)
  if (!staticDir) console.log('The renderer is not built yet: run `npm run build` first.')
  if (args.open) openBrowser(web.url)
  const stop = () => {
    void web.close().then(() => {
      app.close()
      process.exit(0)
    })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

if (require.main === module) void main()
