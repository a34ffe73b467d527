import * as zlib from 'node:zlib'
import { crc32From } from '../../figures/pngText'

/**
 * CRC-32: zlib's native one where the runtime has it (Node ≥ 20.15, Electron's Node), else the
 * project's one in plain TypeScript (figures/pngText.ts). Pass the previous result to continue
 * over several arrays: crc32(b, crc32(a)).
 */
export function crc32(bytes: Uint8Array, previous = 0): number {
  const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32
  return typeof native === 'function' ? native(bytes, previous) >>> 0 : crc32From(previous, bytes)
}
