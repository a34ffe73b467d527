/** The one PNG text writer and CRC-32, checked against zlib and an independent decoder. */
import * as zlib from 'node:zlib'
import { createCanvas } from '@napi-rs/canvas'
import { describe, expect, it } from 'vitest'
import { addPngText, crc32, crc32From, itxtChunk } from '../../src/figures/pngText'
import { decodePng } from './decode'

const tinyPng = () => {
  const c = createCanvas(3, 2)
  const ctx = c.getContext('2d')
  ctx.fillStyle = '#d62728'
  ctx.fillRect(0, 0, 3, 2)
  return c.toBuffer('image/png')
}

describe('crc32', () => {
  it('is the standard one: the check value of "123456789", and zlib.crc32 on any bytes', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926)
    const bytes = Buffer.from('Gradient Lab · 옵티마이저 비교')
    expect(crc32(bytes)).toBe(zlib.crc32(bytes))
    expect(crc32(bytes.subarray(0, 5), bytes.subarray(5))).toBe(zlib.crc32(bytes)) // parts in order
    // continued from a previous CRC, as zlib.crc32(data, value) (the built-in digits' check without zlib's)
    expect(crc32From(crc32(bytes.subarray(0, 7)), bytes.subarray(7))).toBe(zlib.crc32(bytes))
    expect(crc32From(0, bytes)).toBe(zlib.crc32(bytes))
  })
})

describe('addPngText', () => {
  it('puts one iTXt per entry right after IHDR, UTF-8 (Korean readable), pixels unchanged', () => {
    const png = tinyPng()
    const tagged = Buffer.from(addPngText(png, { Title: '옵티마이저 비교', Comment: '{"seed":1,"lr":"λ=0.1"}', Software: 'Gradient Lab' }))
    const d = decodePng(tagged)
    expect(d.chunks.slice(0, 4)).toEqual(['IHDR', 'iTXt', 'iTXt', 'iTXt'])
    expect(d.text).toEqual({ Title: '옵티마이저 비교', Comment: '{"seed":1,"lr":"λ=0.1"}', Software: 'Gradient Lab' })
    expect(d.textChunkType.Title).toBe('iTXt')
    expect([...d.rgba]).toEqual([...decodePng(png).rgba])
    expect(tagged.includes(Buffer.from('옵티마이저', 'utf8'))).toBe(true) // plain UTF-8, not \uXXXX escapes
  })

  it('refuses a bad keyword and bytes that are not a PNG', () => {
    expect(() => itxtChunk('', 'x')).toThrow(/keyword/)
    expect(() => itxtChunk('a'.repeat(80), 'x')).toThrow(/keyword/)
    expect(() => itxtChunk(' Title', 'x')).toThrow(/keyword/)
    expect(() => itxtChunk('제목', 'x')).toThrow(/keyword/)
    expect(() => addPngText(new Uint8Array(40), {})).toThrow(/not a PNG/)
  })
})
