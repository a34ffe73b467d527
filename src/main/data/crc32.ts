import * as zlib from 'node:zlib'

let table: Uint32Array | undefined

/** CRC-32 in plain TypeScript (IEEE, as zlib/PNG; same as scripts/build-mnist.mjs). */
export function crc32Js(bytes: Uint8Array, previous = 0): number {
  if (!table) {
    table = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      table[n] = c >>> 0
    }
  }
  let c = (previous ^ 0xffffffff) >>> 0
  for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/**
 * CRC-32: zlib's native one where the runtime has it (Node ≥ 20.15, Electron's Node), else
 * crc32Js. Pass the previous result to continue over several arrays: crc32(b, crc32(a)).
 */
export function crc32(bytes: Uint8Array, previous = 0): number {
  const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32
  return typeof native === 'function' ? native(bytes, previous) >>> 0 : crc32Js(bytes, previous)
}
