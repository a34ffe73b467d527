/**
 * The canvas the figures draw on: the part of the 2-D context they use, satisfied alike by an
 * HTML canvas in the renderer and by @napi-rs/canvas (Skia) in Node. Nothing else here knows
 * which one it is: a figure that needs a canvas of its own gets a `CanvasFactory`.
 */

export interface Gradient2D {
  addColorStop(offset: number, color: string): void
}

export interface TextMetrics2D {
  readonly width: number
}

export interface Context2D {
  fillStyle: string | Gradient2D | unknown
  strokeStyle: string | Gradient2D | unknown
  lineWidth: number
  lineJoin: 'bevel' | 'miter' | 'round'
  font: string
  textAlign: 'start' | 'end' | 'left' | 'right' | 'center'
  textBaseline: 'top' | 'hanging' | 'middle' | 'alphabetic' | 'ideographic' | 'bottom'
  globalAlpha: number
  globalCompositeOperation: string
  save(): void
  restore(): void
  scale(x: number, y: number): void
  translate(x: number, y: number): void
  rotate(angle: number): void
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void
  setLineDash(segments: number[]): void
  beginPath(): void
  closePath(): void
  moveTo(x: number, y: number): void
  lineTo(x: number, y: number): void
  rect(x: number, y: number, w: number, h: number): void
  arc(x: number, y: number, r: number, start: number, end: number): void
  fill(rule?: 'nonzero' | 'evenodd'): void
  stroke(): void
  clip(): void
  fillRect(x: number, y: number, w: number, h: number): void
  strokeRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number, maxWidth?: number): void
  strokeText(text: string, x: number, y: number, maxWidth?: number): void
  measureText(text: string): TextMetrics2D
  createLinearGradient(x0: number, y0: number, x1: number, y1: number): Gradient2D
}

/** A canvas the figures can draw on and another canvas can draw (drawImage). */
export interface Canvas2D {
  width: number
  height: number
  getContext(kind: '2d'): unknown
}

/** The 2-D context of a canvas, as the figures see it. */
export function context2d(canvas: Canvas2D): Context2D {
  const ctx = canvas.getContext('2d') as Context2D | null
  if (!ctx) throw new Error('this canvas has no 2-D context')
  return ctx
}

/** Draws one canvas onto another's context (both of the same back end). */
export function drawCanvas(ctx: Context2D, source: Canvas2D, x: number, y: number, w: number, h: number): void {
  ;(ctx as unknown as { drawImage(s: unknown, x: number, y: number, w: number, h: number): void }).drawImage(source, x, y, w, h)
}

/** Makes a blank canvas of `width`×`height` device pixels (document.createElement or @napi-rs/canvas). */
export type CanvasFactory = (width: number, height: number) => Canvas2D

/**
 * The font every figure names: the shipped Pretendard first (registered under this family by the
 * renderer's @font-face and the exporter's GlobalFonts), then the shipped math symbols (arrows and
 * operators Pretendard lacks: ∇ ∈ ≡ ⊙ ↦ ⟲ ⤓), then the system's.
 */
export const FIGURE_FONT = "Pretendard, 'Gradient Lab Symbols', 'Pretendard Variable', system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans KR', sans-serif"
export const FONT_FAMILY_NAME = 'Pretendard'
export const SYMBOL_FONT_FAMILY_NAME = 'Gradient Lab Symbols'

/**
 * A figure's canvas: `width`×`height` CSS pixels at `ratio`, opaque white, scaled so the figure
 * draws in CSS pixels, with its title top left (17 px, semibold) when it has one.
 */
export function figureCanvas(create: CanvasFactory, width: number, height: number, ratio: number, title?: { text: string; x: number }): { canvas: Canvas2D; ctx: Context2D } {
  const canvas = create(Math.round(width * ratio), Math.round(height * ratio))
  const ctx = context2d(canvas)
  ctx.scale(ratio, ratio)
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, width, height)
  if (title) {
    ctx.fillStyle = '#1f2937'
    ctx.font = `600 17px ${FIGURE_FONT}`
    ctx.textBaseline = 'alphabetic'
    ctx.fillText(title.text, title.x, 30, width - 2 * title.x)
  }
  return { canvas, ctx }
}
