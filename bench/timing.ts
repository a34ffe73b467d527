/**
 * Wall-clock timing for a shared 2-core machine: warm up (WebAssembly tiers up from its baseline
 * compiler, V8 optimizes the TypeScript), then time several blocks and keep the best one, so a
 * block that another process interrupted does not count. The NumPy script does the same.
 */

/** Best milliseconds per call of f, spending about budgetMs in total. */
export function bestOf(f: () => void, budgetMs: number, blocks = 5): number {
  return bestOfBoth(f, budgetMs, blocks).wall
}

/**
 * Best wall-clock and best CPU milliseconds per call (CPU: this process's user + system time,
 * V8's helper threads included; what a busy shared machine inflates least).
 */
export function bestOfBoth(f: () => void, budgetMs: number, blocks = 5): { wall: number; cpu: number } {
  let t = performance.now()
  let calls = 0
  while (performance.now() - t < Math.min(50, budgetMs / 4) || calls < 3) {
    f()
    calls++
  }
  const perCall = (performance.now() - t) / calls
  const reps = Math.max(1, Math.round(budgetMs / blocks / Math.max(perCall, 1e-3)))
  let wall = Infinity
  let cpu = Infinity
  for (let b = 0; b < blocks; b++) {
    const c = process.cpuUsage()
    t = performance.now()
    for (let i = 0; i < reps; i++) f()
    wall = Math.min(wall, (performance.now() - t) / reps)
    const u = process.cpuUsage(c)
    cpu = Math.min(cpu, (u.user + u.system) / 1000 / reps)
  }
  return { wall, cpu }
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
