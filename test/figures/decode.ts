/** A small PNG decoder for the tests: checks the structure and CRCs, unfilters IDAT, reads text chunks. */
import { inflateSync } from 'node:zlib'

export interface DecodedPng {
  width: number
  height: number
  colorType: number
  /** Chunk types in file order. */
  chunks: string[]
  /** RGBA, 4 bytes a pixel. */
  rgba: Uint8Array
  /** tEXt (Latin-1) and iTXt (UTF-8) keyword → value. */
  text: Record<string, string>
  textChunkType: Record<string, 'tEXt' | 'iTXt'>
}

/** Reference CRC-32, bit by bit (independent of the encoder's table). */
function crc(buf: Uint8Array): number {
  let c = ~0
  for (const b of buf) {
    c ^= b
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1))
  }
  return ~c >>> 0
}

export function decodePng(buf: Buffer): DecodedPng {
  if (!buf.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]))) throw new Error('not a PNG signature')
  let off = 8
  const chunks: string[] = []
  const idat: Buffer[] = []
  const text: Record<string, string> = {}
  const textChunkType: Record<string, 'tEXt' | 'iTXt'> = {}
  let width = 0, height = 0, colorType = -1
  while (off < buf.length) {
    const len = buf.readUInt32BE(off)
    const type = buf.toString('latin1', off + 4, off + 8)
    const data = buf.subarray(off + 8, off + 8 + len)
    if (crc(buf.subarray(off + 4, off + 8 + len)) !== buf.readUInt32BE(off + 8 + len)) throw new Error(`bad CRC in ${type}`)
    chunks.push(type)
    if (type === 'IHDR') {
      width = data.readUInt32BE(0)
      height = data.readUInt32BE(4)
      if (data[8] !== 8 || data[10] !== 0 || data[11] !== 0 || data[12] !== 0) throw new Error('unsupported IHDR')
      colorType = data[9]
    } else if (type === 'IDAT') idat.push(data)
    else if (type === 'tEXt') {
      const z = data.indexOf(0)
      text[data.toString('latin1', 0, z)] = data.toString('latin1', z + 1)
      textChunkType[data.toString('latin1', 0, z)] = 'tEXt'
    } else if (type === 'iTXt') {
      const z = data.indexOf(0)
      const key = data.toString('latin1', 0, z)
      if (data[z + 1] !== 0) throw new Error('compressed iTXt not expected')
      let p = z + 3
      p = data.indexOf(0, p) + 1 // language tag
      p = data.indexOf(0, p) + 1 // translated keyword
      text[key] = data.toString('utf8', p)
      textChunkType[key] = 'iTXt'
    }
    off += 12 + len
    if (type === 'IEND') break
  }
  if (off !== buf.length) throw new Error('bytes after IEND')
  const bpp = colorType === 6 ? 4 : colorType === 2 ? 3 : 0
  if (!bpp) throw new Error(`colour type ${colorType} not supported by the test decoder`)
  const raw = inflateSync(Buffer.concat(idat))
  const stride = width * bpp
  if (raw.length !== (stride + 1) * height) throw new Error('IDAT size does not match IHDR')
  const px = new Uint8Array(stride * height)
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i]
      const a = i >= bpp ? px[y * stride + i - bpp] : 0
      const b = y > 0 ? px[(y - 1) * stride + i] : 0
      const c = i >= bpp && y > 0 ? px[(y - 1) * stride + i - bpp] : 0
      const pa = Math.abs(b - c), pb = Math.abs(a - c), pc = Math.abs(a + b - 2 * c)
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
      px[y * stride + i] = (x + [0, a, b, (a + b) >> 1, paeth][f]) & 255
    }
  }
  const rgba = new Uint8Array(width * height * 4)
  for (let i = 0; i < width * height; i++) {
    for (let k = 0; k < 3; k++) rgba[i * 4 + k] = px[i * bpp + k]
    rgba[i * 4 + 3] = bpp === 4 ? px[i * 4 + 3] : 255
  }
  return { width, height, colorType, chunks, rgba, text, textChunkType }
}

/** How many pixels are (within `tol` per channel) of colour `hex`. */
export function countColor(png: DecodedPng, hex: string, tol = 8): number {
  const n = parseInt(hex.slice(1), 16)
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255]
  let count = 0
  for (let i = 0; i < png.rgba.length; i += 4) {
    if (Math.abs(png.rgba[i] - r) <= tol && Math.abs(png.rgba[i + 1] - g) <= tol && Math.abs(png.rgba[i + 2] - b) <= tol) count++
  }
  return count
}
