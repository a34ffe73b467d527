// Helpers shared by the kernel files: the multiply-add of the build, and partial vectors at
// the end of a row. All inlined.

// a·b + c on four lanes: one fused multiply-add where the build enables relaxed SIMD, a multiply
// and an add otherwise (a compile-time constant picks one; the other branch is removed).
// @ts-ignore: decorator
@inline export function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c)
  return f32x4.add(c, f32x4.mul(a, b))
}

// The last 1..3 columns of a row as one vector: the lanes past the row are zero on load and
// never stored, so nothing outside the matrices is read or written.
// @ts-ignore: decorator
@inline export function loadTail(p: usize, t: i32): v128 {
  if (t == 1) return v128.load32_zero(p)
  if (t == 2) return v128.load64_zero(p)
  return v128.load32_lane(p, v128.load64_zero(p), 2, 8)
}

// @ts-ignore: decorator
@inline export function storeTail(p: usize, v: v128, t: i32): void {
  if (t == 1) v128.store32_lane(p, v, 0)
  else if (t == 2) v128.store64_lane(p, v, 0)
  else { v128.store64_lane(p, v, 0); v128.store32_lane(p, v, 2, 8) }
}
