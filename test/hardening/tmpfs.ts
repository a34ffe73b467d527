/** A small tmpfs for disk-full and read-only cases, where this machine lets us mount one (root on Linux). */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface Mounted {
  dir: string
  unmount(): void
}

/** Mounts a tmpfs of `size` (e.g. '4m'); returns the reason as a string when it cannot. */
export function mountTmpfs(size: string, options = ''): Mounted | string {
  if (process.platform !== 'linux') return `tmpfs needs Linux (this is ${process.platform})`
  const dir = mkdtempSync(join(tmpdir(), 'glab-tmpfs-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}${options ? `,${options}` : ''}`, 'tmpfs', dir], { stdio: 'pipe' })
  } catch (err) {
    rmdirSync(dir)
    return `cannot mount a tmpfs here (${String((err as { stderr?: Buffer }).stderr ?? (err as Error).message).trim()}): needs root`
  }
  return {
    dir,
    unmount: () => {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' })
      rmdirSync(dir)
    },
  }
}

/** Mounts once for a whole file: the probe result decides skipIf. */
export function probeTmpfs(): string | null {
  const m = mountTmpfs('1m')
  if (typeof m === 'string') return m
  m.unmount()
  return null
}
