/**
 * The figures' canvas in Node: @napi-rs/canvas (Skia through N-API, prebuilt per platform, no
 * rebuild for Electron), with the shipped fonts registered under the families the figures name, so
 * an export draws Hangul, Latin and math symbols alike on a machine without any system font. Skia finds no
 * font at all for a family it does not know: without the shipped file the text is left out, so
 * a missing file is reported (once) rather than silently producing a figure without words.
 */
import { existsSync } from 'node:fs'
import { GlobalFonts, createCanvas } from '@napi-rs/canvas'
import { FONT_FAMILY_NAME, SYMBOL_FONT_FAMILY_NAME, type Canvas2D, type CanvasFactory } from '../../figures/canvas'
import { resourcePath } from '../data/builtin'

/** The shipped fonts and the families the figures name them by (src/figures/canvas.ts). */
export const FONT_FILES = [
  { file: 'fonts/PretendardVariable.woff2', family: FONT_FAMILY_NAME },
  { file: 'fonts/NotoSansMath-Symbols.ttf', family: SYMBOL_FONT_FAMILY_NAME },
] as const

let fontState: { paths: (string | null)[] } | null = null

/** Where a shipped font is: under $GRADIENT_LAB_RESOURCES when it is there, else next to the code. */
export function shippedFontPath(file: string = FONT_FILES[0].file, env: NodeJS.ProcessEnv = process.env): string | null {
  for (const p of [resourcePath(file, { env }), resourcePath(file, { env: {} })]) if (existsSync(p)) return p
  return null
}

/** Registers the shipped fonts once; returns their paths (null for a missing one, with one warning on stderr). */
export function registerShippedFonts(): (string | null)[] {
  if (fontState) return fontState.paths
  fontState = { paths: [] }
  for (const { file, family } of FONT_FILES) {
    const path = shippedFontPath(file)
    fontState.paths.push(path)
    if (path) GlobalFonts.registerFromPath(path, family)
    else process.stderr.write(`gradient-lab: the shipped font resources/${file} is missing: figure text falls back to system fonts (Korean or math symbols may not show)\n`)
  }
  return fontState.paths
}

/** Blank canvases for the figures, with the font registered first. */
export const nodeCanvas: CanvasFactory = (width, height) => {
  registerShippedFonts()
  return createCanvas(width, height) as unknown as Canvas2D
}

/** A canvas of `nodeCanvas` as PNG bytes. */
export function encodePng(canvas: Canvas2D): Uint8Array {
  return (canvas as unknown as { toBuffer(mime: 'image/png'): Buffer }).toBuffer('image/png')
}
