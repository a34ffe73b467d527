/**
 * Canvas drawing for the Inside panel: histogram bars, grayscale digits, weight tiles on a
 * blue–white–red scale, and the confusion heatmap. Pure functions of a 2-D context, and the
 * one place a canvas is sized for the screen's pixel ratio.
 */

/** Sizes a canvas to w×h CSS pixels, sharp at the device pixel ratio, and gives its context in CSS pixels. */
export function sharpContext(c: HTMLCanvasElement, w: number, h: number, setStyle = true): CanvasRenderingContext2D {
  const dpr = window.devicePixelRatio || 1
  c.width = Math.round(w * dpr)
  c.height = Math.round(h * dpr)
  if (setStyle) {
    c.style.width = `${w}px`
    c.style.height = `${h}px`
  }
  const ctx = c.getContext('2d')!
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
  return ctx
}

/** Bars of `counts` filling w×h, heights relative to the largest count. */
export function drawBars(ctx: CanvasRenderingContext2D, w: number, h: number, counts: readonly number[], color: string): void {
  ctx.clearRect(0, 0, w, h)
  const max = Math.max(1, ...counts)
  const bw = w / counts.length
  ctx.fillStyle = color
  counts.forEach((c, i) => {
    if (c === 0) return
    const bh = Math.max(1, (c / max) * (h - 1))
    ctx.fillRect(i * bw, h - bh, Math.max(1, bw - 0.5), bh)
  })
  ctx.fillStyle = 'rgba(0,0,0,0.25)'
  ctx.fillRect(0, h - 1, w, 1)
}

function blit(ctx: CanvasRenderingContext2D, image: ImageData, x: number, y: number, size: number): void {
  const tmp = document.createElement('canvas')
  tmp.width = image.width
  tmp.height = image.height
  tmp.getContext('2d')!.putImageData(image, 0, 0)
  ctx.imageSmoothingEnabled = false
  ctx.drawImage(tmp, x, y, size, (size * image.height) / image.width)
}

/** One digit (0 = white paper, 255 = black ink) from `pixels[offset…]`, drawn size px wide. */
export function drawDigit(ctx: CanvasRenderingContext2D, pixels: Uint8Array, offset: number, rows: number, cols: number, size: number): void {
  const img = new ImageData(cols, rows)
  for (let p = 0; p < rows * cols; p++) {
    const v = 255 - pixels[offset + p]!
    img.data.set([v, v, v, 255], p * 4)
  }
  blit(ctx, img, 0, 0, size)
}

/** Byte b ↦ (b − 128)/127 ∈ [−1, 1] ↦ blue (−1), white (0), red (+1). */
export function divergingRgb(b: number): [number, number, number] {
  const t = Math.max(-1, Math.min(1, (b - 128) / 127))
  if (t >= 0) return [255, Math.round(255 * (1 - t)), Math.round(255 * (1 - t))]
  return [Math.round(255 * (1 + t)), Math.round(255 * (1 + t)), 255]
}

/** `units` tiles of rows×cols bytes in a grid of `perRow`, each `size` px with a 2 px gap. */
export function drawTiles(ctx: CanvasRenderingContext2D, bytes: Uint8Array, units: number, rows: number, cols: number, perRow: number, size: number): void {
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height)
  for (let u = 0; u < units; u++) {
    const img = new ImageData(cols, rows)
    for (let p = 0; p < rows * cols; p++) img.data.set([...divergingRgb(bytes[u * rows * cols + p]!), 255], p * 4)
    blit(ctx, img, (u % perRow) * (size + 2), Math.floor(u / perRow) * (size + 2), size)
  }
}

/** A k×k heatmap of counts (white → dark blue by the row's share), with the counts written in. */
export function drawConfusion(ctx: CanvasRenderingContext2D, m: readonly (readonly number[])[], cell: number, offset: number): void {
  const k = m.length
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height)
  ctx.font = `${Math.max(9, Math.floor(cell * 0.36))}px system-ui, sans-serif`
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  for (let t = 0; t < k; t++) {
    const rowSum = Math.max(1, m[t]!.reduce((a, b) => a + b, 0))
    for (let p = 0; p < k; p++) {
      const share = m[t]![p]! / rowSum
      const x = offset + p * cell
      const y = offset + t * cell
      const shade = Math.round(255 * (1 - Math.sqrt(share)))
      ctx.fillStyle = t === p ? `rgb(${shade},${Math.round(120 + 0.53 * shade)},${Math.round(80 + 0.68 * shade)})` : `rgb(255,${shade},${shade})`
      ctx.fillRect(x, y, cell - 1, cell - 1)
      if (m[t]![p]! > 0) {
        ctx.fillStyle = share > 0.5 ? '#fff' : '#222'
        ctx.fillText(String(m[t]![p]), x + cell / 2, y + cell / 2)
      }
    }
    ctx.fillStyle = '#555'
    ctx.fillText(String(t), offset / 2, offset + t * cell + cell / 2)
    ctx.fillText(String(t), offset + t * cell + cell / 2, offset / 2)
  }
}
