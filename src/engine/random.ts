/**
 * Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna) seeded through splitmix32.
 * Every random draw of the engine comes from an Rng. `derive(label)` gives an independent
 * stream that depends only on this Rng's seed and the label (not on how many numbers were
 * drawn), so runs that differ only in, say, the optimizer share their "init" and "batches"
 * streams: same initial weights, same mini-batches (paired runs).
 */

const TWO_POW_32 = 4294967296

function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0
  let z = state.s
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return (z ^ (z >>> 16)) >>> 0
}

/** murmur3-style hash of a label, keyed by a parent seed. */
function hashLabel(key: number, label: string): number {
  let h = (key ^ 0x5bd1e995) >>> 0
  for (let i = 0; i < label.length; i++) {
    let k = Math.imul(label.charCodeAt(i), 0xcc9e2d51)
    k = (k << 15) | (k >>> 17)
    h ^= Math.imul(k, 0x1b873593)
    h = (h << 13) | (h >>> 19)
    h = (Math.imul(h, 5) + 0xe6546b64) | 0
  }
  h ^= label.length
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

export class Rng {
  /** The 32-bit seed this stream was made from (derive() hashes it with the label). */
  readonly seed: number
  private s0 = 0
  private s1 = 0
  private s2 = 0
  private s3 = 0
  private spare = 0
  private hasSpare = false

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new Error(`Rng seed must be a finite number, got ${seed}`)
    this.seed = seed >>> 0
    const st = { s: this.seed }
    this.s0 = splitmix32(st)
    this.s1 = splitmix32(st)
    this.s2 = splitmix32(st)
    this.s3 = splitmix32(st)
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1
  }

  /** An independent stream named `label`; the same label always gives the same stream. */
  derive(label: string): Rng {
    return new Rng(hashLabel(this.seed, label))
  }

  /** Next raw 32-bit unsigned integer. */
  nextUint32(): number {
    const s1 = this.s1
    const r = Math.imul(s1, 5)
    const rot = (r << 7) | (r >>> 25)
    const result = Math.imul(rot, 9) >>> 0
    const t = s1 << 9
    this.s2 ^= this.s0
    this.s3 ^= this.s1
    this.s1 ^= this.s2
    this.s0 ^= this.s3
    this.s2 ^= t
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21)
    return result
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  uniform(): number {
    return this.nextUint32() / TWO_POW_32
  }

  /** Standard normal N(0, 1) by Box–Muller; the second value of each pair is cached. */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false
      return this.spare
    }
    const u1 = (this.nextUint32() + 1) / TWO_POW_32 // (0, 1]: log is finite
    const u2 = this.uniform()
    const r = Math.sqrt(-2 * Math.log(u1))
    const a = 2 * Math.PI * u2
    this.spare = r * Math.sin(a)
    this.hasSpare = true
    return r * Math.cos(a)
  }

  /** Uniform integer in [0, n), unbiased (rejection sampling). */
  int(n: number): number {
    if (!(n >= 1 && n <= TWO_POW_32 && Number.isInteger(n))) throw new Error(`Rng.int(n) needs a whole n in [1, 2^32], got ${n}`)
    const limit = TWO_POW_32 - (TWO_POW_32 % n)
    let x = this.nextUint32()
    while (x >= limit) x = this.nextUint32()
    return x % n
  }

  /** Fill `arr` with N(0, std²) draws. */
  fillNormal(arr: Float32Array | Float64Array, std = 1): void {
    for (let i = 0; i < arr.length; i++) arr[i] = this.normal() * std
  }

  /** k indices in [0, n) drawn with replacement (numpy's random.choice(n, k)); fills `out` if given. */
  choice(n: number, k: number, out?: Int32Array): Int32Array {
    const res = out ?? new Int32Array(k)
    if (res.length < k) throw new Error(`choice: output buffer holds ${res.length} < ${k}`)
    for (let i = 0; i < k; i++) res[i] = this.int(n)
    return res
  }

  /** A uniformly random permutation of 0..n-1 (Fisher–Yates); fills `out` if given. */
  permutation(n: number, out?: Int32Array): Int32Array {
    const p = out ?? new Int32Array(n)
    for (let i = 0; i < n; i++) p[i] = i
    for (let i = n - 1; i > 0; i--) {
      const j = this.int(i + 1)
      const t = p[i]
      p[i] = p[j]
      p[j] = t
    }
    return p
  }
}
