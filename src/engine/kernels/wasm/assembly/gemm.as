// The matrix product (gemm) and its packing of A's non-zero entries. Every argument that names a
// matrix is a byte offset into the linear memory; nothing here allocates (the caller hands in
// scratch space).
import { loadTail, madd, storeTail } from './common'

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
