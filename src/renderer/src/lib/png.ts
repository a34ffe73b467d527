/**
 * PNG text metadata: inserts `tEXt` chunks (keyword + Latin-1 text) right after IHDR, so an
 * exported chart carries its settings and seed. Non-Latin-1 characters are written as \uXXXX.
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

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function latin1(text: string): number[] {
  const out: number[] = []
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (code < 256 && code !== 0) out.push(code)
    else for (const c of `\\u${code.toString(16).padStart(4, '0')}`) out.push(c.charCodeAt(0))
  }
  return out
}

function textChunk(keyword: string, text: string): Uint8Array {
  const data = [...latin1(keyword.slice(0, 79)), 0, ...latin1(text)]
  const chunk = new Uint8Array(12 + data.length)
  const view = new DataView(chunk.buffer)
  view.setUint32(0, data.length)
  chunk.set([0x74, 0x45, 0x58, 0x74], 4) // "tEXt"
  chunk.set(data, 8)
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)))
  return chunk
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

export function addPngText(png: Uint8Array, entries: Record<string, string>): Uint8Array {
  if (!SIGNATURE.every((b, i) => png[i] === b)) throw new Error('not a PNG image')
  const ihdrLength = new DataView(png.buffer, png.byteOffset).getUint32(8)
  const afterIhdr = 8 + 12 + ihdrLength
  const chunks = Object.entries(entries).map(([k, v]) => textChunk(k, v))
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

export function dataUrlToBytes(dataUrl: string): Uint8Array {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1)
  const bin = atob(base64)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return bytes
}
