/// <reference lib="dom" />
/** Checks on exported files, done for real: PNG signature, decoded pixels, CSV text. */
import { readFile } from 'node:fs/promises'
import type { Download, Page } from '@playwright/test'

export async function downloadBytes(download: Download): Promise<Buffer> {
  const path = await download.path()
  if (!path) throw new Error(`download ${download.suggestedFilename()} has no file`)
  return readFile(path)
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

export interface PixelStats {
  width: number
  height: number
  /** Distinct colours among sampled pixels (a blank image has 1). */
  distinctColors: number
  /** Share of sampled pixels that are not white. */
  inkRatio: number
  /** Lowest alpha among sampled pixels: 255 when the background is opaque. */
  minAlpha: number
  corner: [number, number, number, number]
}

/** Decodes the PNG with the browser's own decoder and samples its pixels. */
export function pngPixelStats(page: Page, png: Buffer): Promise<PixelStats> {
  return page.evaluate(async (b64) => {
    const img = new Image()
    img.src = `data:image/png;base64,${b64}`
    await img.decode()
    const canvas = document.createElement('canvas')
    canvas.width = img.naturalWidth
    canvas.height = img.naturalHeight
    const ctx = canvas.getContext('2d')!
    ctx.drawImage(img, 0, 0)
    const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height)
    const colors = new Set<number>()
    let ink = 0
    let samples = 0
    let minAlpha = 255
    for (let i = 0; i < data.length; i += 4 * 7) {
      const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!]
      colors.add((r << 24) | (g << 16) | (b << 8) | a)
      if (r < 250 || g < 250 || b < 250) ink++
      minAlpha = Math.min(minAlpha, a)
      samples++
    }
    return { width, height, distinctColors: colors.size, inkRatio: ink / samples, minAlpha, corner: [data[0]!, data[1]!, data[2]!, data[3]!] as [number, number, number, number] }
  }, png.toString('base64'))
}

/** A PNG's text chunks (tEXt as Latin-1, uncompressed iTXt as UTF-8), read chunk by chunk. */
export function pngText(png: Buffer): Record<string, string> {
  const out: Record<string, string> = {}
  for (let off = 8; off + 12 <= png.length; ) {
    const len = png.readUInt32BE(off)
    const type = png.toString('latin1', off + 4, off + 8)
    const data = png.subarray(off + 8, off + 8 + len)
    const z = data.indexOf(0)
    if (type === 'tEXt') out[data.toString('latin1', 0, z)] = data.toString('latin1', z + 1)
    if (type === 'iTXt' && data[z + 1] === 0) {
      const lang = data.indexOf(0, z + 3)
      const translated = data.indexOf(0, lang + 1)
      out[data.toString('latin1', 0, z)] = data.toString('utf8', translated + 1)
    }
    if (type === 'IEND') break
    off += 12 + len
  }
  return out
}
