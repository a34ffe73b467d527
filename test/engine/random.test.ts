/** Seeded random numbers: determinism, independence of derived streams, distributions. */
import { describe, expect, it } from 'vitest'
import { Rng } from '../../src/engine'

function draws(rng: Rng, n: number): number[] {
  return Array.from({ length: n }, () => rng.nextUint32())
}

describe('Rng', () => {
  it('same seed → same numbers; different seeds → different numbers', () => {
    expect(draws(new Rng(42), 20)).toEqual(draws(new Rng(42), 20))
    expect(draws(new Rng(42), 20)).not.toEqual(draws(new Rng(43), 20))
  })

  it('derive(label) depends only on seed and label, not on draws made before', () => {
    const a = new Rng(7)
    const b = new Rng(7)
    draws(b, 1000)
    b.normal()
    expect(draws(a.derive('init'), 10)).toEqual(draws(b.derive('init'), 10))
    expect(draws(a.derive('init'), 10)).not.toEqual(draws(a.derive('batches'), 10))
    expect(draws(a.derive('init'), 10)).not.toEqual(draws(new Rng(8).derive('init'), 10))
    expect(draws(a.derive('init').derive('W1'), 10)).not.toEqual(draws(a.derive('init').derive('W2'), 10))
  })

  it('derived streams are uncorrelated with each other', () => {
    const root = new Rng(1)
    const x = root.derive('init')
    const y = root.derive('dropout')
    const n = 20000
    let sxy = 0
    for (let i = 0; i < n; i++) sxy += (x.uniform() - 0.5) * (y.uniform() - 0.5)
    // correlation of two independent U(0,1): sd of the estimate ≈ 1/√n
    expect(Math.abs(sxy / n / (1 / 12))).toBeLessThan(4 / Math.sqrt(n))
  })

  it('uniform() is in [0, 1) with mean 1/2 and variance 1/12', () => {
    const r = new Rng(3)
    const n = 50000
    let s = 0
    let s2 = 0
    let inRange = true
    for (let i = 0; i < n; i++) {
      const u = r.uniform()
      inRange &&= u >= 0 && u < 1
      s += u
      s2 += u * u
    }
    expect(inRange).toBe(true)
    expect(Math.abs(s / n - 0.5)).toBeLessThan(0.005)
    expect(Math.abs(s2 / n - (s / n) ** 2 - 1 / 12)).toBeLessThan(0.002)
  })

  it('normal() has mean 0, variance 1, and the tails of N(0,1)', () => {
    const r = new Rng(4)
    const n = 100000
    let s = 0
    let s2 = 0
    let beyond2 = 0
    for (let i = 0; i < n; i++) {
      const z = r.normal()
      s += z
      s2 += z * z
      if (Math.abs(z) > 2) beyond2++
    }
    expect(Math.abs(s / n)).toBeLessThan(0.015)
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.02)
    expect(beyond2 / n).toBeCloseTo(0.0455, 2)
  })

  it('fillNormal scales by std', () => {
    const a = new Float64Array(20000)
    new Rng(5).fillNormal(a, 0.1)
    const v = a.reduce((s, x) => s + x * x, 0) / a.length
    expect(Math.sqrt(v)).toBeCloseTo(0.1, 2)
  })

  it('int(n) covers [0, n) evenly and rejects bad n', () => {
    const r = new Rng(6)
    const counts = new Array(7).fill(0)
    for (let i = 0; i < 70000; i++) counts[r.int(7)]++
    for (const c of counts) expect(Math.abs(c - 10000)).toBeLessThan(500)
    expect(r.int(1)).toBe(0)
    expect(() => r.int(0)).toThrow(/whole n/)
    expect(() => r.int(2.5)).toThrow(/whole n/)
  })

  it('choice(n, k) draws with replacement into a reused buffer', () => {
    const r = new Rng(8)
    const buf = new Int32Array(50)
    const out = r.choice(10, 50, buf)
    expect(out).toBe(buf)
    expect(out.every((i) => i >= 0 && i < 10)).toBe(true)
    expect(new Set(out).size).toBeLessThan(50) // repeats: with replacement
    expect(() => r.choice(10, 60, buf)).toThrow(/buffer/)
  })

  it('permutation(n) is a permutation, uniformly spread', () => {
    const r = new Rng(9)
    const p = r.permutation(100)
    expect(Array.from(p).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i))
    const firstCounts = new Array(4).fill(0)
    for (let i = 0; i < 8000; i++) firstCounts[r.permutation(4)[0]]++
    for (const c of firstCounts) expect(Math.abs(c - 2000)).toBeLessThan(200)
  })
})
