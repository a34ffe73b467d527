/**
 * Who owns a queued or running run: the process that queued it, as `pid:start:session`.
 * `start` is the process's start time (Linux: /proc/<pid>/stat field 22, so a recycled pid is
 * not mistaken for the owner; empty elsewhere), `session` one Store instance, so a store closed
 * without finishing its runs (a crash) counts as gone even inside a process that lives on.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'

const openSessions = new Set<string>()

function startTime(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? ''
  } catch {
    return ''
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM' // exists, belongs to someone else
  }
}

/** A new owner id for one Store instance of this process; `release` when that store closes. */
export function newOwner(): { id: string; release: () => void } {
  const session = randomBytes(6).toString('hex')
  openSessions.add(session)
  return { id: `${process.pid}:${startTime(process.pid)}:${session}`, release: () => openSessions.delete(session) }
}

/** Whether the owner recorded on a run may still be working on it. A missing owner (schema 1) is gone. */
export function ownerAlive(owner: string | null): boolean {
  if (!owner) return false
  const [pidText, start, session] = owner.split(':')
  const pid = Number(pidText)
  if (!Number.isSafeInteger(pid) || pid <= 0) return false
  if (pid === process.pid) return openSessions.has(session ?? '')
  if (!pidAlive(pid)) return false
  const now = startTime(pid)
  return !start || !now || now === start
}
