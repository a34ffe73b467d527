/**
 * The addresses students can open in --lan mode: the machine's non-internal IPv4 addresses
 * (127.0.0.1, which the server binds as 0.0.0.0, only works on the teacher's own machine).
 */
import { networkInterfaces } from 'node:os'

/** `http://<address>:<port>` per non-internal IPv4 interface; `interfaces` for tests. */
export function lanOrigins(port: number, interfaces: ReturnType<typeof networkInterfaces> = networkInterfaces()): string[] {
  const out: string[] = []
  for (const list of Object.values(interfaces)) {
    for (const a of list ?? []) {
      if (a.family === 'IPv4' && !a.internal) out.push(`http://${a.address}:${port}`)
    }
  }
  return [...new Set(out)]
}
