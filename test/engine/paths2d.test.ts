/** Lab 1: 2-D paths against the book's optimizer_compare_naive in NumPy, and the test functions. */
import { describe, expect, it } from 'vitest'
import { FUNCTIONS_2D, FUNCTION_2D_IDS, getFunction2D, runPath, type Function2DId } from '../../src/engine'
import { expectAllClose, optimizerGolden } from './golden'

const paths = optimizerGolden().paths2d

describe('2-D optimizer paths (book golden, float64)', () => {
  it.each(paths.map((p) => [p.spec.kind, p] as const))('%s on x²/20 + y² from (−7, 2)', (_kind, g) => {
    const path = runPath(getFunction2D('lesson'), g.spec, g.start, g.steps)
    expect(path.points).toHaveLength(g.steps + 1)
    expect(path.steps).toHaveLength(g.steps)
    expect(path.diverged).toBe(false)
    expectAllClose(path.points.flat(), g.points.flat(), 1e-12, 1e-13, `${g.spec.kind} path`)
  })

  it('records the gradient and the optimizer state of every step', () => {
    const path = runPath(getFunction2D('lesson'), { kind: 'momentum', lr: 0.1, momentum: 0.9 }, [-7, 2], 2)
    expect(path.steps[0].grad).toEqual([-0.7, 4])
    expect(path.steps[0].state.v).toEqual([0.07, -0.4].map((x) => expect.closeTo(x, 12)))
    expect(path.values[0]).toBeCloseTo(49 / 20 + 4, 12)
  })

  it("flags divergence on the lesson's own function too: SGD η = 2 stays finite but reaches f ≈ 1.7e29", () => {
    const path = runPath(getFunction2D('lesson'), { kind: 'sgd', lr: 2 }, [-7, 2], 30)
    // y ← y − 2·2y = −3y each step: |y| = 2·3^30 after 30 steps, f = y² (x converges).
    expect(path.values.at(-1)!).toBeCloseTo((2 * 3 ** 30) ** 2, -25)
    expect(path.values.at(-1)!).toBeGreaterThan(1.6e29)
    expect(path.points).toHaveLength(31)
    expect(path.diverged).toBe(true)
    // A path that overshoots but settles (the book's SGD η 0.95) is not flagged.
    expect(runPath(getFunction2D('lesson'), { kind: 'sgd', lr: 0.95 }, [-7, 2], 30).diverged).toBe(false)
  })

  it.each(FUNCTION_2D_IDS.map((id) => [id] as const))('flags a runaway path on %s', (id) => {
    const fn = getFunction2D(id)
    const path = runPath(fn, { kind: 'sgd', lr: 50 }, fn.start, 30)
    expect(path.diverged).toBe(true)
  })

  it('stops early when the path leaves the finite numbers', () => {
    const path = runPath(getFunction2D('rosenbrock'), { kind: 'sgd', lr: 10 }, [-1.5, 2], 100)
    expect(path.diverged).toBe(true)
    expect(path.points.length).toBeLessThan(101)
  })
})

describe('2-D test functions', () => {
  it.each(FUNCTION_2D_IDS.map((id) => [id] as [Function2DId]))('%s: gradient matches central differences, minima are stationary', (id) => {
    const fn = FUNCTIONS_2D[id]
    const h = 1e-6
    for (const [x, y] of [[0.3, -0.7], [-1.2, 1.9], [2.5, 0.4], fn.start]) {
      const [gx, gy] = fn.grad(x, y)
      const nx = (fn.f(x + h, y) - fn.f(x - h, y)) / (2 * h)
      const ny = (fn.f(x, y + h) - fn.f(x, y - h)) / (2 * h)
      expect(Math.abs(gx - nx)).toBeLessThan(1e-5 * (1 + Math.abs(nx)))
      expect(Math.abs(gy - ny)).toBeLessThan(1e-5 * (1 + Math.abs(ny)))
    }
    for (const [x, y] of [...fn.minima, ...fn.saddles]) {
      const [gx, gy] = fn.grad(x, y)
      expect(Math.hypot(gx, gy)).toBeLessThan(1e-9)
    }
    for (const [x, y] of fn.minima) {
      expect(x).toBeGreaterThanOrEqual(fn.domain.x[0])
      expect(x).toBeLessThanOrEqual(fn.domain.x[1])
      expect(y).toBeGreaterThanOrEqual(fn.domain.y[0])
      expect(y).toBeLessThanOrEqual(fn.domain.y[1])
      expect(fn.f(x, y)).toBeLessThan(1e-12)
    }
  })

  it('the lesson function is the book’s: f = x²/20 + y², domain x∈[−10,10], y∈[−5,5]', () => {
    const f = getFunction2D('lesson')
    expect(f.f(-7, 2)).toBeCloseTo(6.45, 12)
    expect(f.grad(-7, 2)).toEqual([-0.7, 4])
    expect(f.domain).toEqual({ x: [-10, 10], y: [-5, 5] })
    expect(f.start).toEqual([-7, 2])
  })
})
