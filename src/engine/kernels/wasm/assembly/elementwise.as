import { madd } from './common'

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
