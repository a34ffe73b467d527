/** The PNG encoder and the rasterizer, checked with an independent decoder. */
import * as zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { crc32, encodePng, textChunk } from '../../src/main/export/png'
import { Canvas, rgb } from '../../src/main/export/raster'
import { countColor, decodePng } from './decode'

describe('encodePng', () => {
  it('CRC-32 is the standard one (check value of "123456789")', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926)
    const z = zlib as unknown as { crc32?: (b: Buffer) => number }
    if (z.crc32) expect(crc32(Buffer.from('Gradient Lab'))).toBe(z.crc32(Buffer.from('Gradient Lab')))
  })

  it('writes signature, IHDR, text, IDAT, IEND with valid CRCs and the exact pixels, composited over white', () => {
    const rgba = [255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 0, 0, 0, 0, 0, 0, 0, 128, 10, 20, 30, 255]
    const png = decodePng(encodePng(3, 2, rgba, { text: { Title: 'tiny', Software: 'Gradient Lab' } }))
    expect(png.chunks).toEqual(['IHDR', 'tEXt', 'tEXt', 'IDAT', 'IEND'])
    expect([png.width, png.height, png.colorType]).toEqual([3, 2, 2])
    expect([...png.rgba]).toEqual([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255, 127, 127, 127, 255, 10, 20, 30, 255])
    expect(png.text).toEqual({ Title: 'tiny', Software: 'Gradient Lab' })
  })

  it('Latin-1 values go in tEXt, others (Korean) in UTF-8 iTXt', () => {
    const png = decodePng(encodePng(1, 1, [0, 0, 0, 255], { text: { Title: 'Café', Comment: '옵티마이저 비교 λ' } }))
    expect(png.text).toEqual({ Title: 'Café', Comment: '옵티마이저 비교 λ' })
    expect(png.textChunkType).toEqual({ Title: 'tEXt', Comment: 'iTXt' })
  })

  it('rejects bad keywords and wrong buffer sizes', () => {
    expect(() => textChunk('', 'x')).toThrow(/keyword/)
    expect(() => textChunk('a'.repeat(80), 'x')).toThrow(/keyword/)
    expect(() => textChunk(' Title', 'x')).toThrow(/keyword/)
    expect(() => encodePng(2, 2, [0, 0, 0, 255])).toThrow(/16 RGBA bytes/)
    expect(() => encodePng(0, 2, [])).toThrow(/size/)
  })
})

describe('Canvas', () => {
  const png = (c: Canvas) => decodePng(encodePng(c.width, c.height, c.data))

  it('starts opaque white; rects and circles blend in their colour', () => {
    const c = new Canvas(40, 30)
    expect(countColor(png(c), '#ffffff', 0)).toBe(1200)
    c.fillRect(5, 5, 10, 4, rgb('#d62728'))
    c.fillCircle(30, 15, 5, rgb('#1f77b4'))
    const p = png(c)
    expect(countColor(p, '#d62728', 0)).toBe(40)
    expect(countColor(p, '#1f77b4', 2)).toBeGreaterThanOrEqual(56) // fully covered: centres within 4.5 px, π·4.5² ≈ 64
  })

  it('anti-aliased lines are clipped; dashed lines leave gaps', () => {
    const solid = new Canvas(100, 20)
    solid.line(0, 10, 100, 10, rgb('#000000'), { width: 2, clip: { x: 0, y: 0, w: 50, h: 20 } })
    const s = png(solid)
    expect(countColor(s, '#000000', 4)).toBe(100) // 50 px long, 2 px wide
    const dashed = new Canvas(100, 20)
    dashed.line(0, 10, 100, 10, rgb('#000000'), { width: 2, dash: [10, 10] })
    const d = png(dashed)
    expect(countColor(d, '#000000', 4)).toBeGreaterThan(80)
    expect(countColor(d, '#000000', 4)).toBeLessThan(130)
    expect(d.rgba[(10 * 100 + 15) * 4]).toBe(255) // x = 15 is in the first gap
  })

  it('a NaN breaks a polyline', () => {
    const c = new Canvas(100, 20)
    c.strokePolyline([0, 10, 40, 10, NaN, NaN, 60, 10, 100, 10], rgb('#000000'), { width: 2 })
    const p = png(c)
    expect(p.rgba[(10 * 100 + 50) * 4]).toBe(255)
    expect(p.rgba[(10 * 100 + 20) * 4]).toBe(0)
  })

  it('draws ASCII text with a bitmap font and other characters as boxes', () => {
    expect(Canvas.measure('abc', 2)).toBe((3 * 6 - 1) * 2)
    expect(Canvas.measure('한글', 1)).toBe(11)
    const c = new Canvas(120, 30)
    c.text('Loss 0.25', 2, 2, rgb('#000000'))
    const ink = countColor(png(c), '#000000', 0)
    expect(ink).toBeGreaterThan(100)
    const box = new Canvas(20, 20)
    box.text('한', 2, 2, rgb('#000000'), { scale: 1 })
    expect(countColor(png(box), '#000000', 0)).toBe(5 + 5 + 5 * 2) // a 5×7 outline
  })
})
