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

// C[i, j0 .. j0+32) (+)= Σ_q vals[q] · B[row q, j0 .. j0+32): eight accumulators stay in registers.
// @ts-ignore: decorator
@inline function block32(c: usize, cnt: i32, ptrs: usize, vals: usize, jOff: usize, acc: bool): void {
  let c0 = f32x4.splat(0), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0
  if (acc) {
    c0 = v128.load(c, 0); c1 = v128.load(c, 16); c2 = v128.load(c, 32); c3 = v128.load(c, 48)
    c4 = v128.load(c, 64); c5 = v128.load(c, 80); c6 = v128.load(c, 96); c7 = v128.load(c, 112)
  }
  const end = vals + (<usize>cnt << 2)
  let pp = ptrs
  for (let vp = vals; vp < end; vp += 4) {
    const a = v128.load32_splat(vp)
    const b = <usize>load<u32>(pp) + jOff
    pp += 4
    c0 = madd(a, v128.load(b, 0), c0)
    c1 = madd(a, v128.load(b, 16), c1)
    c2 = madd(a, v128.load(b, 32), c2)
    c3 = madd(a, v128.load(b, 48), c3)
    c4 = madd(a, v128.load(b, 64), c4)
    c5 = madd(a, v128.load(b, 80), c5)
    c6 = madd(a, v128.load(b, 96), c6)
    c7 = madd(a, v128.load(b, 112), c7)
  }
  v128.store(c, c0, 0); v128.store(c, c1, 16); v128.store(c, c2, 32); v128.store(c, c3, 48)
  v128.store(c, c4, 64); v128.store(c, c5, 80); v128.store(c, c6, 96); v128.store(c, c7, 112)
}

// @ts-ignore: decorator
@inline function block24(c: usize, cnt: i32, ptrs: usize, vals: usize, jOff: usize, acc: bool): void {
  let c0 = f32x4.splat(0), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0
  if (acc) {
    c0 = v128.load(c, 0); c1 = v128.load(c, 16); c2 = v128.load(c, 32); c3 = v128.load(c, 48)
    c4 = v128.load(c, 64); c5 = v128.load(c, 80)
  }
  const end = vals + (<usize>cnt << 2)
  let pp = ptrs
  for (let vp = vals; vp < end; vp += 4) {
    const a = v128.load32_splat(vp)
    const b = <usize>load<u32>(pp) + jOff
    pp += 4
    c0 = madd(a, v128.load(b, 0), c0)
    c1 = madd(a, v128.load(b, 16), c1)
    c2 = madd(a, v128.load(b, 32), c2)
    c3 = madd(a, v128.load(b, 48), c3)
    c4 = madd(a, v128.load(b, 64), c4)
    c5 = madd(a, v128.load(b, 80), c5)
  }
  v128.store(c, c0, 0); v128.store(c, c1, 16); v128.store(c, c2, 32); v128.store(c, c3, 48)
  v128.store(c, c4, 64); v128.store(c, c5, 80)
}

// @ts-ignore: decorator
@inline function block16(c: usize, cnt: i32, ptrs: usize, vals: usize, jOff: usize, acc: bool): void {
  let c0 = f32x4.splat(0), c1 = c0, c2 = c0, c3 = c0
  if (acc) {
    c0 = v128.load(c, 0); c1 = v128.load(c, 16); c2 = v128.load(c, 32); c3 = v128.load(c, 48)
  }
  const end = vals + (<usize>cnt << 2)
  let pp = ptrs
  for (let vp = vals; vp < end; vp += 4) {
    const a = v128.load32_splat(vp)
    const b = <usize>load<u32>(pp) + jOff
    pp += 4
    c0 = madd(a, v128.load(b, 0), c0)
    c1 = madd(a, v128.load(b, 16), c1)
    c2 = madd(a, v128.load(b, 32), c2)
    c3 = madd(a, v128.load(b, 48), c3)
  }
  v128.store(c, c0, 0); v128.store(c, c1, 16); v128.store(c, c2, 32); v128.store(c, c3, 48)
}

// @ts-ignore: decorator
@inline function block4(c: usize, cnt: i32, ptrs: usize, vals: usize, jOff: usize, acc: bool): void {
  let c0 = acc ? v128.load(c) : f32x4.splat(0)
  const end = vals + (<usize>cnt << 2)
  let pp = ptrs
  for (let vp = vals; vp < end; vp += 4) {
    c0 = madd(v128.load32_splat(vp), v128.load(<usize>load<u32>(pp) + jOff), c0)
    pp += 4
  }
  v128.store(c, c0)
}

// @ts-ignore: decorator
@inline function block1(c: usize, cnt: i32, ptrs: usize, vals: usize, jOff: usize, acc: bool): void {
  let s: f32 = acc ? load<f32>(c) : 0
  for (let q = 0; q < cnt; q++) {
    s += load<f32>(vals + (<usize>q << 2)) * load<f32>(<usize>load<u32>(ptrs + (<usize>q << 2)) + jOff)
  }
  store<f32>(c, s)
}

/**
 * C[m×n] (+)= A'[m×k] · B[k×n] where A'[i, p] is the f32 at a + i·aRowStep + p·aStep (bytes), so
 * A' is A (aRowStep = 4k, aStep = 4) or Aᵀ of an A stored k×m (aRowStep = 4, aStep = 4m).
 * B and C are row-major with row strides ldb and ldc (bytes). `scratch` needs 8k bytes.
 */
export function gemm(a: usize, aRowStep: usize, aStep: usize, b: usize, ldb: usize, c: usize, ldc: usize,
                     m: i32, k: i32, n: i32, accumulate: i32, scratch: usize): void {
  const ptrs = scratch
  const vals = scratch + (<usize>k << 2)
  const acc = accumulate != 0
  for (let i = 0; i < m; i++) {
    const cnt = packRow(a + <usize>i * aRowStep, aStep, k, b, ldb, ptrs, vals)
    const ci = c + <usize>i * ldc
    let j = 0
    for (; j + 24 <= n; j += 24) block24(ci + (<usize>j << 2), cnt, ptrs, vals, <usize>j << 2, acc)
    if (j + 16 <= n) { block16(ci + (<usize>j << 2), cnt, ptrs, vals, <usize>j << 2, acc); j += 16 }
    for (; j + 4 <= n; j += 4) block4(ci + (<usize>j << 2), cnt, ptrs, vals, <usize>j << 2, acc)
    for (; j < n; j++) block1(ci + (<usize>j << 2), cnt, ptrs, vals, <usize>j << 2, acc)
  }
}

/** dst[cols×rows] = srcᵀ for a src of rows×cols (byte offsets; no overlap). */
export function transpose(src: usize, dst: usize, rows: i32, cols: i32): void {
  const ldd = <usize>rows << 2
  for (let i = 0; i < rows; i++) {
    let s = src + ((<usize>i * <usize>cols) << 2)
    let d = dst + (<usize>i << 2)
    for (let j = 0; j < cols; j++) {
      store<f32>(d, load<f32>(s))
      s += 4
      d += ldd
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

/** Nesterov (the book's form): v ← α·v − η·g; p ← p + α²·v − (1+α)·η·g. */
export function nesterov(p: usize, g: usize, v: usize, len: i32, lr: f32, alpha: f32): void {
  const a = f32x4.splat(alpha), nl = f32x4.splat(-lr), aa = f32x4.splat(alpha * alpha), ns = f32x4.splat(-(<f32>1 + alpha) * lr)
  const end = <usize>len << 2
  const end4 = end & ~15
  let o: usize = 0
  for (; o < end4; o += 16) {
    const gv = v128.load(g + o)
    const vv = madd(nl, gv, f32x4.mul(a, v128.load(v + o)))
    v128.store(v + o, vv)
    v128.store(p + o, madd(ns, gv, madd(aa, vv, v128.load(p + o))))
  }
  const mm: f32 = alpha * alpha
  const step: f32 = (<f32>1 + alpha) * lr
  for (; o < end; o += 4) {
    const gv = load<f32>(g + o)
    const vv = alpha * load<f32>(v + o) - lr * gv
    store<f32>(v + o, vv)
    store<f32>(p + o, load<f32>(p + o) + mm * vv - step * gv)
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
