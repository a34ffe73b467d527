// ---- the optimizers' updates (element-wise, like the kernels in elementwise.as) -----------------
import { madd } from './common'

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
