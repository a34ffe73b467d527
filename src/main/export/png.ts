/**
 * A minimal PNG encoder: 8-bit truecolor (the RGBA input is composited over white, so the file
 * is always opaque), one zlib IDAT, text metadata as tEXt (Latin-1) or iTXt (UTF-8, e.g. Korean
 * experiment names). See the PNG specification (ISO/IEC 15948), sections 5, 11.2 and 11.3.4.
 */
import { deflateSync } from 'node:zlib'

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

const CRC_TABLE = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()

/** CRC-32 (ISO 3309 / ITU-T V.42, the one PNG and zlib's crc32 use). */
export function crc32(...parts: Uint8Array[]): number {
  let c = 0xffffffff
  for (const p of parts) for (let i = 0; i < p.length; i++) c = CRC_TABLE[(c ^ p[i]) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const tail = Buffer.alloc(4)
  tail.writeUInt32BE(crc32(head.subarray(4), data), 0)
  return Buffer.concat([head, data, tail])
}

/** True when every character fits Latin-1 and is not NUL (tEXt's rules). */
const isLatin1 = (s: string) => [...s].every((ch) => ch.codePointAt(0)! <= 0xff && ch !== '\0')

/** A tEXt chunk when the value is Latin-1, else an uncompressed iTXt chunk with UTF-8 text. */
export function textChunk(keyword: string, value: string): Buffer {
  if (!/^[\x20-\x7e\xa1-\xff]{1,79}$/.test(keyword) || /^ | $|  /.test(keyword)) {
    throw new Error(`PNG text keyword must be 1–79 printable Latin-1 characters without extra spaces: '${keyword}'`)
  }
  const key = Buffer.from(keyword, 'latin1')
  if (isLatin1(value)) return chunk('tEXt', Buffer.concat([key, Buffer.from([0]), Buffer.from(value, 'latin1')]))
  const text = Buffer.from(value.replace(/\0/g, ''), 'utf8')
  // keyword NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL
  return chunk('iTXt', Buffer.concat([key, Buffer.from([0, 0, 0, 0, 0]), text]))
}

export interface PngOptions {
  /** Text metadata, in order (PNG keywords such as Title, Software, Source, Comment). */
  text?: Record<string, string>
  /** zlib level (default 6: level 9 is ~3× slower for a few % on these figures). */
  level?: number
}

/** Encodes width×height RGBA pixels (row-major, 4 bytes a pixel) as an opaque PNG. */
export function encodePng(width: number, height: number, rgba: ArrayLike<number>, opts: PngOptions = {}): Buffer {
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) {
    throw new Error(`PNG size must be whole positive numbers (got ${width}×${height})`)
  }
  if (rgba.length !== width * height * 4) throw new Error(`expected ${width * height * 4} RGBA bytes, got ${rgba.length}`)
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // colour type: truecolor
  // compression 0, filter 0, interlace 0
  const stride = width * 3 + 1
  const raw = Buffer.alloc(stride * height)
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 0 // filter: None
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4
      const o = y * stride + 1 + x * 3
      const alpha = rgba[i + 3]
      if (alpha === 255) {
        raw[o] = rgba[i]
        raw[o + 1] = rgba[i + 1]
        raw[o + 2] = rgba[i + 2]
        continue
      }
      const a = alpha / 255
      for (let k = 0; k < 3; k++) raw[o + k] = Math.round(rgba[i + k] * a + 255 * (1 - a))
    }
  }
  const texts = Object.entries(opts.text ?? {}).map(([k, v]) => textChunk(k, v))
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    ...texts,
    chunk('IDAT', deflateSync(raw, { level: opts.level ?? 6 })),
    chunk('IEND', new Uint8Array(0)),
  ])
}
