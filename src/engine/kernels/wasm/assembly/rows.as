// Row and column kernels around the products: transpose, the bias add and column sums (db).

/**
 * dst[cols×rows] (+)= srcᵀ for a src of rows×cols (byte offsets; no overlap): 4×4 tiles through
 * registers (four loads, eight shuffles, four stores), the edges one value at a time.
 */
export function transpose(src: usize, dst: usize, rows: i32, cols: i32, accumulate: i32): void {
  const lds = <usize>cols << 2
  const ldd = <usize>rows << 2
  const r4 = rows & ~3
  const c4 = cols & ~3
  for (let i = 0; i < r4; i += 4) {
    const s = src + <usize>i * lds
    const d = dst + (<usize>i << 2)
    for (let j = 0; j < c4; j += 4) {
      const sp = s + (<usize>j << 2)
      const x0 = v128.load(sp)
      const x1 = v128.load(sp + lds)
      const x2 = v128.load(sp + 2 * lds)
      const x3 = v128.load(sp + 3 * lds)
      const t0 = i32x4.shuffle(x0, x1, 0, 4, 1, 5) // x00 x10 x01 x11
      const t1 = i32x4.shuffle(x2, x3, 0, 4, 1, 5) // x20 x30 x21 x31
      const t2 = i32x4.shuffle(x0, x1, 2, 6, 3, 7) // x02 x12 x03 x13
      const t3 = i32x4.shuffle(x2, x3, 2, 6, 3, 7) // x22 x32 x23 x33
      let y0 = i64x2.shuffle(t0, t1, 0, 2)
      let y1 = i64x2.shuffle(t0, t1, 1, 3)
      let y2 = i64x2.shuffle(t2, t3, 0, 2)
      let y3 = i64x2.shuffle(t2, t3, 1, 3)
      const dp = d + <usize>j * ldd
      if (accumulate) {
        y0 = f32x4.add(y0, v128.load(dp))
        y1 = f32x4.add(y1, v128.load(dp + ldd))
        y2 = f32x4.add(y2, v128.load(dp + 2 * ldd))
        y3 = f32x4.add(y3, v128.load(dp + 3 * ldd))
      }
      v128.store(dp, y0)
      v128.store(dp + ldd, y1)
      v128.store(dp + 2 * ldd, y2)
      v128.store(dp + 3 * ldd, y3)
    }
  }
  // right edge (columns c4..cols) of the first r4 rows, then the bottom rows r4..rows
  for (let i = 0; i < rows; i++) {
    for (let j = i < r4 ? c4 : 0; j < cols; j++) {
      const sp = src + <usize>i * lds + (<usize>j << 2)
      const dp = dst + <usize>j * ldd + (<usize>i << 2)
      const v = load<f32>(sp)
      store<f32>(dp, accumulate ? load<f32>(dp) + v : v)
    }
  }
}

/** C[i, j] += bias[j] for a C of m×n. */
export function addBias(c: usize, bias: usize, m: i32, n: i32): void {
  const n4 = n & ~3
  for (let i = 0; i < m; i++) {
    const ci = c + ((<usize>i * <usize>n) << 2)
    let j = 0
    for (; j < n4; j += 4) {
      const p = ci + (<usize>j << 2)
      v128.store(p, f32x4.add(v128.load(p), v128.load(bias + (<usize>j << 2))))
    }
    for (; j < n; j++) {
      const p = ci + (<usize>j << 2)
      store<f32>(p, load<f32>(p) + load<f32>(bias + (<usize>j << 2)))
    }
  }
}

/** out[j] (+)= Σ_i A[i, j] for an A of m×n. */
export function colSums(a: usize, out: usize, m: i32, n: i32, accumulate: i32): void {
  const ld = <usize>n << 2
  let j = 0
  for (; j + 16 <= n; j += 16) {
    const o = out + (<usize>j << 2)
    let s0 = f32x4.splat(0), s1 = s0, s2 = s0, s3 = s0
    if (accumulate) { s0 = v128.load(o, 0); s1 = v128.load(o, 16); s2 = v128.load(o, 32); s3 = v128.load(o, 48) }
    let p = a + (<usize>j << 2)
    for (let i = 0; i < m; i++) {
      s0 = f32x4.add(s0, v128.load(p, 0)); s1 = f32x4.add(s1, v128.load(p, 16))
      s2 = f32x4.add(s2, v128.load(p, 32)); s3 = f32x4.add(s3, v128.load(p, 48))
      p += ld
    }
    v128.store(o, s0, 0); v128.store(o, s1, 16); v128.store(o, s2, 32); v128.store(o, s3, 48)
  }
  for (; j + 4 <= n; j += 4) {
    const o = out + (<usize>j << 2)
    let s0 = accumulate ? v128.load(o) : f32x4.splat(0)
    let p = a + (<usize>j << 2)
    for (let i = 0; i < m; i++) { s0 = f32x4.add(s0, v128.load(p)); p += ld }
    v128.store(o, s0)
  }
  for (; j < n; j++) {
    const o = out + (<usize>j << 2)
    let s: f32 = accumulate ? load<f32>(o) : 0
    let p = a + (<usize>j << 2)
    for (let i = 0; i < m; i++) { s += load<f32>(p); p += ld }
    store<f32>(o, s)
  }
}
