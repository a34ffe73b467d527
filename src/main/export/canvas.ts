/**
 * The figures' canvas in Node: @napi-rs/canvas (Skia through N-API, prebuilt per platform, no
 * rebuild for Electron), with the shipped font registered under the family the figures name, so
 * an export draws Hangul and Latin alike on a machine without any system font. Skia finds no
 * font at all for a family it does not know: without the shipped file the text is left out, so
 * a missing file is reported (once) rather than silently producing a figure without words.
 */
import { existsSync } from 'node:fs'
import { GlobalFonts, createCanvas } from '@napi-rs/canvas'
import { FONT_FAMILY_NAME, type Canvas2D, type CanvasFactory } from '../../figures/canvas'
import { resourcePath } from '../data/builtin'

export const FONT_FILE = 'fonts/PretendardVariable.woff2'

let fontState: { path: string | null; warned: boolean } | null = null

/** Where the shipped font is: under $GRADIENT_LAB_RESOURCES when it is there, else next to the code. */
export function shippedFontPath(env: NodeJS.ProcessEnv = process.env): string | null {
  for (const p of [resourcePath(FONT_FILE, { env }), resourcePath(FONT_FILE, { env: {} })]) if (existsSync(p)) return p
  return null
}

/** Registers the shipped font once; returns its path, or null (with one warning on stderr) when it is missing. */
export function registerShippedFont(): string | null {
  if (fontState) return fontState.path
  const path = shippedFontPath()
  fontState = { path, warned: false }
  if (path) GlobalFonts.registerFromPath(path, FONT_FAMILY_NAME)
  else {
    fontState.warned = true
    process.stderr.write(`gradient-lab: the shipped font resources/${FONT_FILE} is missing: figure text falls back to system fonts (Korean may not show)\n`)
  }
  return path
}

/** Blank canvases for the figures, with the font registered first. */
export const nodeCanvas: CanvasFactory = (width, height) => {
  registerShippedFont()
  return createCanvas(width, height) as unknown as Canvas2D
}

/** A canvas of `nodeCanvas` as PNG bytes. */
export function encodePng(canvas: Canvas2D): Uint8Array {
  return (canvas as unknown as { toBuffer(mime: 'image/png'): Buffer }).toBuffer('image/png')
}
