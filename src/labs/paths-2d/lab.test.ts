/** Lab 1's definition: every optimizer's path from the book's start heads for the minimum. */
import { describe, expect, it } from 'vitest'
import { paths2dLab as lab, type Paths2dResult } from './lab'

describe('lab 1: optimizer paths', () => {
  it('computes the lesson outcome: six paths of 30 steps from (−7, 2), each ending nearer the minimum', () => {
    const r = lab.compute(lab.schema.parse({})) as Paths2dResult
    expect(r.paths.map((p) => p.optimizer)).toEqual(['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'])
    for (const p of r.paths) {
      expect(p.points[0]).toEqual([-7, 2])
      expect(p.points).toHaveLength(31)
      const [x, y] = p.points.at(-1)!
      expect(Math.hypot(x, y)).toBeLessThan(Math.hypot(-7, 2)) // every optimizer heads for the minimum
    }
  })
})
