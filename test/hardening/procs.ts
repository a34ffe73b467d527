/** Process helpers for the fault-and-abuse suite: real processes, found through /proc (Linux). */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const ROOT = join(__dirname, '..', '..')
export const HAS_PROC = existsSync('/proc/self/stat')

function statOf(pid: number): { ppid: number; state: string } | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const rest = s.slice(s.lastIndexOf(')') + 2).split(' ')
    return { state: rest[0]!, ppid: Number(rest[1]) }
  } catch {
    return null
  }
}

/** Live (not zombie) processes whose parent is `ppid`. */
export function childrenOf(ppid: number): number[] {
  const out: number[] = []
  for (const name of readdirSync('/proc')) {
    const pid = Number(name)
    if (!Number.isInteger(pid)) continue
    const st = statOf(pid)
    if (st && st.ppid === ppid && st.state !== 'Z') out.push(pid)
  }
  return out
}

export function alive(pid: number): boolean {
  const st = statOf(pid)
  return st !== null && st.state !== 'Z'
}

/** Trainer processes: their command line names src/trainer/main.ts or trainer.js. */
export function isTrainer(pid: number): boolean {
  try {
    return /trainer[/\\]main\.ts|trainer\.js/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))
  } catch {
    return false
  }
}

/** Runs a TypeScript entry of this repo in one node process (no tsx wrapper process in between). */
export function nodeTs(entry: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(ROOT, entry), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

export function collect(child: ChildProcess): { out: () => string; err: () => string } {
  let out = ''
  let err = ''
  child.stdout?.on('data', (d) => (out += d))
  child.stderr?.on('data', (d) => (err += d))
  return { out: () => out, err: () => err }
}

export async function waitFor<T>(what: string, fn: () => T | undefined | null | false, timeoutMs = 30_000, everyMs = 25): Promise<T> {
  const start = Date.now()
  for (;;) {
    const v = fn()
    if (v) return v
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, everyMs))
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
