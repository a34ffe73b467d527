// AssemblyScript source of the WebAssembly SIMD kernels (compiled by scripts/build-wasm.mjs
// twice: plain 128-bit SIMD, and with relaxed-SIMD fused multiply-add). The `.as` extension keeps
// it out of the TypeScript projects (it uses AssemblyScript's v128/usize types).
//
// Every argument that names a matrix is a byte offset into the (imported) linear memory. Matrices
// are dense row-major float32. Nothing here allocates; the caller hands in scratch space.

// a·b + c on four lanes: one fused multiply-add where the build enables relaxed SIMD, a multiply
// and an add otherwise (a compile-time constant picks one; the other branch is removed).
// @ts-ignore: decorator
@inline function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c)
  return f32x4.add(c, f32x4.mul(a, b))
}

// Lists the non-zero entries of one row of A' (A' is A, or Aᵀ read with strides): for each
// non-zero A'[i, p] it writes the byte offset of row p of B and the value. Returns the count.
// ReLU outputs and MNIST pixels are half to four-fifths zeros, so the products below only touch
// the rows of B that matter. Branch-free: every entry is written, the count only moves on a
// non-zero (a -0 or a NaN... NaN ≠ 0 so NaN is kept; only ±0 is dropped).
// @ts-ignore: decorator
@inline function packRow(ap: usize, aStep: usize, k: i32, bRow: usize, ldb: usize, ptrs: usize, vals: usize): i32 {
  let cnt: usize = 0
  let p = 0
  if (aStep == 4) {
    // contiguous row: skip all-zero groups of four with one vector test
    for (; p + 4 <= k; p += 4) {
      const v = v128.load(ap)
      if (v128.any_true(v)) {
        const x0 = f32x4.extract_lane(v, 0)
        store<u32>(ptrs + (cnt << 2), <u32>bRow)
        store<f32>(vals + (cnt << 2), x0)
        cnt += <usize>(x0 != 0)
        const x1 = f32x4.extract_lane(v, 1)
        store<u32>(ptrs + (cnt << 2), <u32>(bRow + ldb))
        store<f32>(vals + (cnt << 2), x1)
        cnt += <usize>(x1 != 0)
        const x2 = f32x4.extract_lane(v, 2)
        store<u32>(ptrs + (cnt << 2), <u32>(bRow + 2 * ldb))
        store<f32>(vals + (cnt << 2), x2)
        cnt += <usize>(x2 != 0)
        const x3 = f32x4.extract_lane(v, 3)
        store<u32>(ptrs + (cnt << 2), <u32>(bRow + 3 * ldb))
        store<f32>(vals + (cnt << 2), x3)
        cnt += <usize>(x3 != 0)
      }
      ap += 16
      bRow += 4 * ldb
    }
  }
  for (; p < k; p++) {
    const x = load<f32>(ap)
    store<u32>(ptrs + (cnt << 2), <u32>bRow)
    store<f32>(vals + (cnt << 2), x)
    cnt += <usize>(x != 0)
    ap += aStep
    bRow += ldb
  }
  return <i32>cnt
}

// The last 1..3 columns of a row as one vector: the lanes past the row are zero on load and
// never stored, so nothing outside the matrices is read or written.
// @ts-ignore: decorator
@inline function loadTail(p: usize, t: i32): v128 {
  if (t == 1) return v128.load32_zero(p)
  if (t == 2) return v128.load64_zero(p)
  return v128.load32_lane(p, v128.load64_zero(p), 2, 8)
}

// @ts-ignore: decorator
@inline function storeTail(p: usize, v: v128, t: i32): void {
  if (t == 1) v128.store32_lane(p, v, 0)
  else if (t == 2) v128.store64_lane(p, v, 0)
  else { v128.store64_lane(p, v, 0); v128.store32_lane(p, v, 2, 8) }
}

// C[i, j0 .. j0 + 4·nv + t) (+)= Σ_q vals[q] · B[row q, j0 ..]: nv whole vectors (≤ 6) and a
// partial one of t lanes (≤ 3) stay in registers for the whole list. Called with constant nv
// and t only, so after inlining each call site is straight-line code for its width. Six
// accumulators is what V8 keeps in x64's sixteen vector registers without spilling.
// @ts-ignore: decorator
@inline function block(c: usize, cnt: i32, ptrs: usize, vals: usize, jOff: usize, acc: bool, nv: i32, t: i32): void {
  const z = f32x4.splat(0)
  let c0 = z, c1 = z, c2 = z, c3 = z, c4 = z, c5 = z, ct = z
  if (acc) {
    if (nv > 0) c0 = v128.load(c, 0)
    if (nv > 1) c1 = v128.load(c, 16)
    if (nv > 2) c2 = v128.load(c, 32)
    if (nv > 3) c3 = v128.load(c, 48)
    if (nv > 4) c4 = v128.load(c, 64)
    if (nv > 5) c5 = v128.load(c, 80)
    if (t > 0) ct = loadTail(c + (<usize>nv << 4), t)
  }
  const end = vals + (<usize>cnt << 2)
  let pp = ptrs
  for (let vp = vals; vp < end; vp += 4) {
    const a = v128.load32_splat(vp)
    const b = <usize>load<u32>(pp) + jOff
    pp += 4
    if (nv > 0) c0 = madd(a, v128.load(b, 0), c0)
    if (nv > 1) c1 = madd(a, v128.load(b, 16), c1)
    if (nv > 2) c2 = madd(a, v128.load(b, 32), c2)
    if (nv > 3) c3 = madd(a, v128.load(b, 48), c3)
    if (nv > 4) c4 = madd(a, v128.load(b, 64), c4)
    if (nv > 5) c5 = madd(a, v128.load(b, 80), c5)
    if (t > 0) ct = madd(a, loadTail(b + (<usize>nv << 4), t), ct)
  }
  if (nv > 0) v128.store(c, c0, 0)
  if (nv > 1) v128.store(c, c1, 16)
  if (nv > 2) v128.store(c, c2, 32)
  if (nv > 3) v128.store(c, c3, 48)
  if (nv > 4) v128.store(c, c4, 64)
  if (nv > 5) v128.store(c, c5, 80)
  if (t > 0) storeTail(c + (<usize>nv << 4), ct, t)
}

// The last r < 24 columns of a row in one pass (two when r > 20: 16 + the rest).
// @ts-ignore: decorator
@inline function blockRest(c: usize, cnt: i32, ptrs: usize, vals: usize, jOff: usize, acc: bool, r: i32): void {
  if (r > 20) {
    block(c, cnt, ptrs, vals, jOff, acc, 4, 0)
    c += 64
    jOff += 64
    r -= 16
  }
  const nv = r >> 2
  const t = r & 3
  if (nv == 0) {
    if (t == 1) block(c, cnt, ptrs, vals, jOff, acc, 0, 1)
    else if (t == 2) block(c, cnt, ptrs, vals, jOff, acc, 0, 2)
    else if (t == 3) block(c, cnt, ptrs, vals, jOff, acc, 0, 3)
  } else if (nv == 1) {
    if (t == 0) block(c, cnt, ptrs, vals, jOff, acc, 1, 0)
    else if (t == 1) block(c, cnt, ptrs, vals, jOff, acc, 1, 1)
    else if (t == 2) block(c, cnt, ptrs, vals, jOff, acc, 1, 2)
    else block(c, cnt, ptrs, vals, jOff, acc, 1, 3)
  } else if (nv == 2) {
    if (t == 0) block(c, cnt, ptrs, vals, jOff, acc, 2, 0)
    else if (t == 1) block(c, cnt, ptrs, vals, jOff, acc, 2, 1)
    else if (t == 2) block(c, cnt, ptrs, vals, jOff, acc, 2, 2)
    else block(c, cnt, ptrs, vals, jOff, acc, 2, 3)
  } else if (nv == 3) {
    if (t == 0) block(c, cnt, ptrs, vals, jOff, acc, 3, 0)
    else if (t == 1) block(c, cnt, ptrs, vals, jOff, acc, 3, 1)
    else if (t == 2) block(c, cnt, ptrs, vals, jOff, acc, 3, 2)
    else block(c, cnt, ptrs, vals, jOff, acc, 3, 3)
  } else if (nv == 4) {
    if (t == 0) block(c, cnt, ptrs, vals, jOff, acc, 4, 0)
    else if (t == 1) block(c, cnt, ptrs, vals, jOff, acc, 4, 1)
    else if (t == 2) block(c, cnt, ptrs, vals, jOff, acc, 4, 2)
    else block(c, cnt, ptrs, vals, jOff, acc, 4, 3)
  } else {
    block(c, cnt, ptrs, vals, jOff, acc, 5, 0)
  }
}

// Lists the non-zero entries of four rows i..i+3 of Aᵀ at once, for an A stored k×m: entry p of
// those rows is the vector A[p, i..i+3] (one contiguous load; all-zero vectors skipped). List r
// goes to ptrs + r·4k and vals + r·4k (bytes); the four counts are stored at `counts`.
// @ts-ignore: decorator
@inline function packColumns4(ap: usize, lda: usize, k: i32, bRow: usize, ldb: usize, ptrs: usize, vals: usize, counts: usize): void {
  const stride = <usize>k << 2
  let c0: usize = 0, c1: usize = 0, c2: usize = 0, c3: usize = 0
  const p1 = ptrs + stride, p2 = p1 + stride, p3 = p2 + stride
  const v1 = vals + stride, v2 = v1 + stride, v3 = v2 + stride
  for (let p = 0; p < k; p++) {
    const v = v128.load(ap)
    if (v128.any_true(v)) {
      const x0 = f32x4.extract_lane(v, 0)
      store<u32>(ptrs + (c0 << 2), <u32>bRow)
      store<f32>(vals + (c0 << 2), x0)
      c0 += <usize>(x0 != 0)
      const x1 = f32x4.extract_lane(v, 1)
      store<u32>(p1 + (c1 << 2), <u32>bRow)
      store<f32>(v1 + (c1 << 2), x1)
      c1 += <usize>(x1 != 0)
      const x2 = f32x4.extract_lane(v, 2)
      store<u32>(p2 + (c2 << 2), <u32>bRow)
      store<f32>(v2 + (c2 << 2), x2)
      c2 += <usize>(x2 != 0)
      const x3 = f32x4.extract_lane(v, 3)
      store<u32>(p3 + (c3 << 2), <u32>bRow)
      store<f32>(v3 + (c3 << 2), x3)
      c3 += <usize>(x3 != 0)
    }
    ap += lda
    bRow += ldb
  }
  store<u32>(counts, <u32>c0)
  store<u32>(counts, <u32>c1, 4)
  store<u32>(counts, <u32>c2, 8)
  store<u32>(counts, <u32>c3, 12)
}

// One row of C from its packed list: blocks of 24 columns, then the rest in one pass.
// @ts-ignore: decorator
@inline function rowProduct(ci: usize, n: i32, cnt: i32, ptrs: usize, vals: usize, acc: bool): void {
  let j = 0
  for (; j + 24 <= n; j += 24) block(ci + (<usize>j << 2), cnt, ptrs, vals, <usize>j << 2, acc, 6, 0)
  if (j < n) blockRest(ci + (<usize>j << 2), cnt, ptrs, vals, <usize>j << 2, acc, n - j)
}

/**
 * C[m×n] (+)= A'[m×k] · B[k×n] where A'[i, p] is the f32 at a + i·aRowStep + p·aStep (bytes), so
 * A' is A (aRowStep = 4k, aStep = 4) or Aᵀ of an A stored k×m (aRowStep = 4, aStep = 4m).
 * B and C are row-major with row strides ldb and ldc (bytes). `scratch` needs 32k + 16 bytes.
 */
export function gemm(a: usize, aRowStep: usize, aStep: usize, b: usize, ldb: usize, c: usize, ldc: usize,
                     m: i32, k: i32, n: i32, accumulate: i32, scratch: usize): void {
  const stride = <usize>k << 2
  const ptrs = scratch
  const vals = scratch + 4 * stride
  const counts = scratch + 8 * stride
  const acc = accumulate != 0
  let i = 0
  if (aRowStep == 4 && aStep != 4) {
    // Aᵀ: four rows of it are four adjacent columns of A, read as one vector per p
    for (; i + 4 <= m; i += 4) {
      packColumns4(a + (<usize>i << 2), aStep, k, b, ldb, ptrs, vals, counts)
      for (let r = 0; r < 4; r++) {
        const off = <usize>r * stride
        rowProduct(c + <usize>(i + r) * ldc, n, <i32>load<u32>(counts + (<usize>r << 2)), ptrs + off, vals + off, acc)
      }
    }
  }
  for (; i < m; i++) {
    const cnt = packRow(a + <usize>i * aRowStep, aStep, k, b, ldb, ptrs, vals)
    rowProduct(c + <usize>i * ldc, n, cnt, ptrs, vals, acc)
  }
}

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

// ---- element-wise kernels (ReLU, weight decay, the optimizers' updates) -----------------------
// Each walks four lanes at a time and finishes the last len % 4 values one by one with the same
// arithmetic. All arithmetic is float32 (the TypeScript reference rounds from float64 once per
// store; the difference is an ulp or so per step).

/** out[i] = x[i] > 0 ? x[i] : 0 (NaN → 0, as the TypeScript comparison does). */
export function relu(x: usize, out: usize, len: i32): void {
  const zero = f32x4.splat(0)
  const end = <usize>len << 2
  const end4 = end & ~15
  let o: usize = 0
  for (; o < end4; o += 16) {
    const v = v128.load(x + o)
    v128.store(out + o, v128.and(v, f32x4.gt(v, zero)))
  }
  for (; o < end; o += 4) {
    const v = load<f32>(x + o)
    store<f32>(out + o, v > 0 ? v : 0)
  }
}

/** dx[i] = out[i] > 0 ? dout[i] : 0 (out is ReLU's forward output). */
export function reluBackward(out: usize, dout: usize, dx: usize, len: i32): void {
  const zero = f32x4.splat(0)
  const end = <usize>len << 2
  const end4 = end & ~15
  let o: usize = 0
  for (; o < end4; o += 16) {
    v128.store(dx + o, v128.and(v128.load(dout + o), f32x4.gt(v128.load(out + o), zero)))
  }
  for (; o < end; o += 4) {
    store<f32>(dx + o, load<f32>(out + o) > 0 ? load<f32>(dout + o) : 0)
  }
}

/** y[i] += a·x[i] (weight decay's dW += λ·W; SGD is axpy with a = −η). */
export function axpy(y: usize, x: usize, len: i32, a: f32): void {
  const av = f32x4.splat(a)
  const end = <usize>len << 2
  const end4 = end & ~15
  let o: usize = 0
  for (; o < end4; o += 16) v128.store(y + o, madd(av, v128.load(x + o), v128.load(y + o)))
  for (; o < end; o += 4) store<f32>(y + o, load<f32>(y + o) + a * load<f32>(x + o))
}

/** Σ x[i]² (weight decay's penalty), accumulated in float64. */
export function sumSquares(x: usize, len: i32): f64 {
  let s0 = f64x2.splat(0), s1 = s0
  const end = <usize>len << 2
  const end4 = end & ~15
  let o: usize = 0
  for (; o < end4; o += 16) {
    const v = v128.load(x + o)
    const lo = f64x2.promote_low_f32x4(v)
    const hi = f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 0, 1))
    s0 = f64x2.add(s0, f64x2.mul(lo, lo))
    s1 = f64x2.add(s1, f64x2.mul(hi, hi))
  }
  const s = f64x2.add(s0, s1)
  let t = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1)
  for (; o < end; o += 4) {
    const v = <f64>load<f32>(x + o)
    t += v * v
  }
  return t
}

/** Momentum: v ← α·v − η·g; p ← p + v. */
export function momentum(p: usize, g: usize, v: usize, len: i32, lr: f32, alpha: f32): void {
  const a = f32x4.splat(alpha), nl = f32x4.splat(-lr)
  const end = <usize>len << 2
  const end4 = end & ~15
  let o: usize = 0
  for (; o < end4; o += 16) {
    const vv = madd(nl, v128.load(g + o), f32x4.mul(a, v128.load(v + o)))
    v128.store(v + o, vv)
    v128.store(p + o, f32x4.add(v128.load(p + o), vv))
  }
  for (; o < end; o += 4) {
    const vv = alpha * load<f32>(v + o) - lr * load<f32>(g + o)
    store<f32>(v + o, vv)
    store<f32>(p + o, load<f32>(p + o) + vv)
  }
}

/** Nesterov (the book's fixed form, step with the old v): v ← α·v − η·g; p ← p + α·v − η·g (= p + α²·v_old − (1+α)·η·g). */
export function nesterov(p: usize, g: usize, v: usize, len: i32, lr: f32, alpha: f32): void {
  const a = f32x4.splat(alpha), nl = f32x4.splat(-lr)
  const end = <usize>len << 2
  const end4 = end & ~15
  let o: usize = 0
  for (; o < end4; o += 16) {
    const gv = v128.load(g + o)
    const vv = madd(nl, gv, f32x4.mul(a, v128.load(v + o)))
    v128.store(v + o, vv)
    v128.store(p + o, madd(nl, gv, madd(a, vv, v128.load(p + o))))
  }
  for (; o < end; o += 4) {
    const gv = load<f32>(g + o)
    const vv = alpha * load<f32>(v + o) - lr * gv
    store<f32>(v + o, vv)
    store<f32>(p + o, load<f32>(p + o) + alpha * vv - lr * gv)
  }
}

/** AdaGrad: h ← h + g²; p ← p − η·g/(√h + ε). */
export function adagrad(p: usize, g: usize, h: usize, len: i32, lr: f32, eps: f32): void {
  const nl = f32x4.splat(-lr), ev = f32x4.splat(eps)
  const end = <usize>len << 2
  const end4 = end & ~15
  let o: usize = 0
  for (; o < end4; o += 16) {
    const gv = v128.load(g + o)
    const hv = madd(gv, gv, v128.load(h + o))
    v128.store(h + o, hv)
    v128.store(p + o, madd(nl, f32x4.div(gv, f32x4.add(f32x4.sqrt(hv), ev)), v128.load(p + o)))
  }
  for (; o < end; o += 4) {
    const gv = load<f32>(g + o)
    const hv = load<f32>(h + o) + gv * gv
    store<f32>(h + o, hv)
    store<f32>(p + o, load<f32>(p + o) - lr * (gv / (Mathf.sqrt(hv) + eps)))
  }
}

/** RMSProp: h ← γ·h + (1−γ)·g²; p ← p − η·g/(√h + ε). */
export function rmsprop(p: usize, g: usize, h: usize, len: i32, lr: f32, decay: f32, eps: f32): void {
  const nl = f32x4.splat(-lr), ev = f32x4.splat(eps), d = f32x4.splat(decay), k = f32x4.splat(<f32>1 - decay)
  const end = <usize>len << 2
  const end4 = end & ~15
  let o: usize = 0
  for (; o < end4; o += 16) {
    const gv = v128.load(g + o)
    const hv = madd(f32x4.mul(k, gv), gv, f32x4.mul(d, v128.load(h + o)))
    v128.store(h + o, hv)
    v128.store(p + o, madd(nl, f32x4.div(gv, f32x4.add(f32x4.sqrt(hv), ev)), v128.load(p + o)))
  }
  const keep: f32 = 1 - decay
  for (; o < end; o += 4) {
    const gv = load<f32>(g + o)
    const hv = decay * load<f32>(h + o) + keep * gv * gv
    store<f32>(h + o, hv)
    store<f32>(p + o, load<f32>(p + o) - lr * (gv / (Mathf.sqrt(hv) + eps)))
  }
}

/** Adam (the book's form, lrT already bias-corrected): m += a1·(g − m); v += a2·(g² − v); p −= lrT·m/(√v + ε). */
export function adam(p: usize, g: usize, m: usize, v: usize, len: i32, lrT: f32, a1: f32, a2: f32, eps: f32): void {
  const nl = f32x4.splat(-lrT), ev = f32x4.splat(eps), b1 = f32x4.splat(a1), b2 = f32x4.splat(a2)
  const end = <usize>len << 2
  const end4 = end & ~15
  let o: usize = 0
  for (; o < end4; o += 16) {
    const gv = v128.load(g + o)
    const mv0 = v128.load(m + o)
    const vv0 = v128.load(v + o)
    const mv = madd(b1, f32x4.sub(gv, mv0), mv0)
    const vv = madd(b2, f32x4.sub(f32x4.mul(gv, gv), vv0), vv0)
    v128.store(m + o, mv)
    v128.store(v + o, vv)
    v128.store(p + o, madd(nl, f32x4.div(mv, f32x4.add(f32x4.sqrt(vv), ev)), v128.load(p + o)))
  }
  for (; o < end; o += 4) {
    const gv = load<f32>(g + o)
    const mv = load<f32>(m + o) + a1 * (gv - load<f32>(m + o))
    const vv = load<f32>(v + o) + a2 * (gv * gv - load<f32>(v + o))
    store<f32>(m + o, mv)
    store<f32>(v + o, vv)
    store<f32>(p + o, load<f32>(p + o) - lrT * (mv / (Mathf.sqrt(vv) + eps)))
  }
}

// ---- softmax with cross-entropy (the book's SoftmaxWithLoss) -----------------------------------
// Scalar float64 arithmetic in the reference's order (n is the 10 classes: nothing to vectorize),
// so the probabilities round to the same float32 values; what it saves is the JS glue per row.

/**
 * y[i, ·] = softmax(s[i, ·]) for an s of m×n (row max subtracted); returns
 * Σ_i −ln(y[i, t_i] + 1e-7) over the byte labels at t, or 0 when t is 0 (no labels).
 */
export function softmaxLoss(s: usize, t: usize, y: usize, m: i32, n: i32): f64 {
  let total: f64 = 0
  const row = <usize>n << 2
  for (let i = 0; i < m; i++) {
    const r = s + <usize>i * row
    const yr = y + <usize>i * row
    let max: f64 = -Infinity
    for (let j = 0; j < n; j++) {
      const v = <f64>load<f32>(r + (<usize>j << 2))
      if (v > max) max = v
    }
    let sum: f64 = 0
    for (let j = 0; j < n; j++) sum += Math.exp(<f64>load<f32>(r + (<usize>j << 2)) - max)
    for (let j = 0; j < n; j++) store<f32>(yr + (<usize>j << 2), <f32>(Math.exp(<f64>load<f32>(r + (<usize>j << 2)) - max) / sum))
    if (t != 0) total -= Math.log(<f64>load<f32>(yr + (<usize>load<u8>(t + <usize>i) << 2)) + 1e-7)
  }
  return total
}

/** dx = (y − onehot(t))/m: dx[i] = y[i]/m, then dx[i, t_i] −= 1/m, each rounded once from float64. */
export function softmaxBackward(y: usize, t: usize, dx: usize, m: i32, n: i32): void {
  const fm = <f64>m
  const end = (<usize>m * <usize>n) << 2
  for (let o: usize = 0; o < end; o += 4) store<f32>(dx + o, <f32>(<f64>load<f32>(y + o) / fm))
  const inv = 1 / fm
  const row = <usize>n << 2
  for (let i = 0; i < m; i++) {
    const p = dx + <usize>i * row + (<usize>load<u8>(t + <usize>i) << 2)
    store<f32>(p, <f32>(<f64>load<f32>(p) - inv))
  }
}

/** End of the module's static data (Math.exp/log's tables): the loader keeps its buffers above it. */
export function staticEnd(): usize {
  return __heap_base
}
