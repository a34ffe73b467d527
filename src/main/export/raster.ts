/**
 * A tiny RGBA rasterizer for the exported figures: rectangles, anti-aliased polylines of any
 * width (solid or dashed, clipped to a rectangle), filled circles and bitmap text. The canvas
 * starts opaque white and everything is blended over it, so it stays opaque.
 */
import { ADVANCE, GLYPH_H, glyphs } from './font'

export type Rgb = [number, number, number]
export interface Rect {
  x: number
  y: number
  w: number
  h: number
}
export interface StrokeOptions {
  width?: number
  /** On/off lengths in pixels, e.g. [8, 5]. */
  dash?: number[]
  alpha?: number
  clip?: Rect
}
export interface TextOptions {
  scale?: number
  align?: 'left' | 'center' | 'right'
  bold?: boolean
  /** Rotated 90° counter-clockwise (reads bottom to top); (x, y) is then the left end's baseline corner. */
  vertical?: boolean
}

export function rgb(hex: string): Rgb {
  const h = hex.replace('#', '')
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h
  const n = parseInt(full.slice(0, 6), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

export class Canvas {
  readonly data: Uint8ClampedArray
  private readonly mask: Float32Array

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0 && width * height <= 64e6)) {
      throw new Error(`canvas size must be whole positive numbers (got ${width}×${height})`)
    }
    this.data = new Uint8ClampedArray(width * height * 4).fill(255)
    this.mask = new Float32Array(width * height)
  }

  /** Blends one pixel (integer coordinates; outside pixels are ignored). */
  blend(x: number, y: number, c: Rgb, a = 1): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height || a <= 0) return
    const i = (y * this.width + x) * 4
    const d = this.data
    if (a >= 1) {
      d[i] = c[0]
      d[i + 1] = c[1]
      d[i + 2] = c[2]
    } else {
      d[i] += (c[0] - d[i]) * a
      d[i + 1] += (c[1] - d[i + 1]) * a
      d[i + 2] += (c[2] - d[i + 2]) * a
    }
  }

  fillRect(x: number, y: number, w: number, h: number, c: Rgb, a = 1): void {
    const x0 = Math.max(0, Math.round(x))
    const y0 = Math.max(0, Math.round(y))
    const x1 = Math.min(this.width, Math.round(x + w))
    const y1 = Math.min(this.height, Math.round(y + h))
    for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) this.blend(xx, yy, c, a)
  }

  fillCircle(cx: number, cy: number, r: number, c: Rgb, a = 1): void {
    for (let y = Math.floor(cy - r - 1); y <= Math.ceil(cy + r + 1); y++) {
      for (let x = Math.floor(cx - r - 1); x <= Math.ceil(cx + r + 1); x++) {
        const dx = x + 0.5 - cx
        const dy = y + 0.5 - cy
        const cover = Math.min(1, Math.max(0, r + 0.5 - Math.sqrt(dx * dx + dy * dy)))
        if (cover > 0) this.blend(x, y, c, a * cover)
      }
    }
  }

  /**
   * An anti-aliased polyline: points as [x0, y0, x1, y1, …]; a non-finite coordinate breaks the
   * line. Coverage is accumulated per pixel (max) and blended once, so joints are not darker.
   */
  strokePolyline(pts: ArrayLike<number>, c: Rgb, opts: StrokeOptions = {}): void {
    const hw = (opts.width ?? 2) / 2
    const clip = opts.clip ?? { x: 0, y: 0, w: this.width, h: this.height }
    const cx0 = Math.max(0, Math.floor(clip.x))
    const cy0 = Math.max(0, Math.floor(clip.y))
    const cx1 = Math.min(this.width, Math.ceil(clip.x + clip.w))
    const cy1 = Math.min(this.height, Math.ceil(clip.y + clip.h))
    const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity }
    const seg = (ax: number, ay: number, bx: number, by: number) => {
      const x0 = Math.max(cx0, Math.floor(Math.min(ax, bx) - hw - 1))
      const x1 = Math.min(cx1, Math.ceil(Math.max(ax, bx) + hw + 1))
      const y0 = Math.max(cy0, Math.floor(Math.min(ay, by) - hw - 1))
      const y1 = Math.min(cy1, Math.ceil(Math.max(ay, by) + hw + 1))
      if (x0 >= x1 || y0 >= y1) return
      box.x0 = Math.min(box.x0, x0), box.y0 = Math.min(box.y0, y0), box.x1 = Math.max(box.x1, x1), box.y1 = Math.max(box.y1, y1)
      const dx = bx - ax
      const dy = by - ay
      const len2 = dx * dx + dy * dy
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const px = x + 0.5 - ax
          const py = y + 0.5 - ay
          const t = len2 > 0 ? Math.min(1, Math.max(0, (px * dx + py * dy) / len2)) : 0
          const ex = px - t * dx
          const ey = py - t * dy
          const cover = hw + 0.5 - Math.sqrt(ex * ex + ey * ey)
          const i = y * this.width + x
          if (cover > this.mask[i]) this.mask[i] = Math.min(1, cover)
        }
      }
    }
    const dash = opts.dash && opts.dash.length >= 2 && opts.dash.every((d) => d > 0) ? opts.dash : null
    let di = 0
    let left = dash ? dash[0] : Infinity
    for (let k = 0; k + 3 < pts.length; k += 2) {
      let ax = pts[k], ay = pts[k + 1]
      const bx = pts[k + 2], by = pts[k + 3]
      if (![ax, ay, bx, by].every(Number.isFinite)) continue
      if (!dash) {
        seg(ax, ay, bx, by)
        continue
      }
      let rest = Math.hypot(bx - ax, by - ay)
      while (rest > 0) {
        const step = Math.min(rest, left)
        const f = step / rest
        const nx = ax + (bx - ax) * f
        const ny = ay + (by - ay) * f
        if (di % 2 === 0) seg(ax, ay, nx, ny)
        ax = nx, ay = ny, rest -= step, left -= step
        if (left <= 1e-9) di = (di + 1) % dash.length, left = dash[di]
      }
    }
    const a = opts.alpha ?? 1
    for (let y = box.y0; y < box.y1; y++) {
      for (let x = box.x0; x < box.x1; x++) {
        const i = y * this.width + x
        if (this.mask[i] > 0) this.blend(x, y, c, a * this.mask[i]), (this.mask[i] = 0)
      }
    }
  }

  line(x0: number, y0: number, x1: number, y1: number, c: Rgb, opts?: StrokeOptions): void {
    this.strokePolyline([x0, y0, x1, y1], c, opts)
  }

  /** Width in pixels of `text` at `scale` (5×7 glyphs, 1 column of spacing). */
  static measure(text: string, scale = 2, bold = false): number {
    const n = glyphs(text).length
    return n ? (n * ADVANCE - 1) * scale + (bold ? 1 : 0) : 0
  }

  /** Draws text with its top-left corner at (x, y) (or centred/right-aligned on x). */
  text(text: string, x: number, y: number, c: Rgb, opts: TextOptions = {}): void {
    const s = opts.scale ?? 2
    const w = Canvas.measure(text, s, opts.bold)
    const shift = opts.align === 'center' ? w / 2 : opts.align === 'right' ? w : 0
    const x0 = Math.round(opts.vertical ? x : x - shift)
    const y0 = Math.round(opts.vertical ? y + shift : y)
    glyphs(text).forEach((g, k) => {
      for (let col = 0; col < 5; col++) {
        for (let row = 0; row < GLYPH_H; row++) {
          if (!((g[col] >> row) & 1)) continue
          const u = (k * ADVANCE + col) * s
          const v = row * s
          for (let b = 0; b <= (opts.bold ? 1 : 0); b++) {
            if (opts.vertical) this.fillRect(x0 + v, y0 - u - b - s, s, s, c)
            else this.fillRect(x0 + u + b, y0 + v, s, s, c)
          }
        }
      }
    })
  }
}
