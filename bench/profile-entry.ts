/**
 * A trainer for profiling: bench/trainer-entry.ts, plus a SIGTERM handler that exits normally
 * (so `--cpu-prof` writes its profile) after writing this process's CPU time to PROFILE_CPU_DIR.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import './trainer-entry'

process.on('SIGTERM', () => {
  const dir = process.env.PROFILE_CPU_DIR
  if (dir) {
    const u = process.cpuUsage()
    writeFileSync(join(dir, `cpu-${process.pid}.json`), JSON.stringify({ userMs: u.user / 1000, systemMs: u.system / 1000 }))
  }
  process.exit(0)
})
