/**
 * PNG text metadata, one writer for the app's downloads and the CLI's files: `iTXt` chunks
 * (keyword, then UTF-8 text, uncompressed: a Korean experiment name or setting stays readable)
 * inserted right after IHDR, so an exported figure carries its settings and seed. Also the one
 * CRC-32 of the project (the renderer has no zlib). PNG specification (ISO/IEC 15948): 5.3 chunk
 * layout and CRC, 11.3.4.5 iTXt.
 */

const CRC_TABLE = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()

/** CRC-32 (ISO 3309 / ITU-T V.42, the one PNG and zlib use) over the parts in order. */
export function crc32(...parts: Uint8Array[]): number {
  return crc32From(0, ...parts)
}

/** The CRC-32 of `previous`'s bytes followed by the parts: crc32From(crc32(a), b) = crc32(a, b). */
export function crc32From(previous: number, ...parts: Uint8Array[]): number {
  let c = (previous ^ 0xffffffff) >>> 0
  for (const p of parts) for (let i = 0; i < p.length; i++) c = CRC_TABLE[(c ^ p[i]!) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)
const utf8 = new TextEncoder()

/** One chunk: length, type, data, CRC of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)))
  return out
}

/** An uncompressed iTXt chunk; the keyword must be 1–79 printable Latin-1 characters without extra spaces (PNG's rule). */
export function itxtChunk(keyword: string, text: string): Uint8Array {
  if (!/^[\x20-\x7e\xa1-\xff]{1,79}$/.test(keyword) || /^ | $| {2}/.test(keyword)) {
    throw new Error(`PNG text keyword must be 1–79 printable Latin-1 characters without extra spaces: '${keyword}'`)
  }
  const key = Uint8Array.from(keyword, (ch) => ch.charCodeAt(0))
  const value = utf8.encode(text.replace(/\0/g, ''))
  // keyword NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL, text
  const data = new Uint8Array(key.length + 5 + value.length)
  data.set(key, 0)
  data.set(value, key.length + 5)
  return chunk('iTXt', data)
}

/** `png` with an iTXt chunk per entry right after IHDR (a file that is not a PNG is refused). */
export function addPngText(png: Uint8Array, entries: Record<string, string>): Uint8Array {
  if (png.length < 33 || !PNG_SIGNATURE.every((b, i) => png[i] === b)) throw new Error('not a PNG image')
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  if (String.fromCharCode(...png.subarray(12, 16)) !== 'IHDR') throw new Error('not a PNG image: IHDR is not the first chunk')
  const afterIhdr = 8 + 12 + view.getUint32(8)
  const chunks = Object.entries(entries).map(([k, v]) => itxtChunk(k, v))
  const out = new Uint8Array(png.length + chunks.reduce((n, c) => n + c.length, 0))
  out.set(png.subarray(0, afterIhdr), 0)
  let at = afterIhdr
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  out.set(png.subarray(afterIhdr), at)
  return out
}
