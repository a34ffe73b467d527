/** The RunManager's fair queue: round robin over groups, FIFO inside one. */
import { describe, expect, it } from 'vitest'
import { FairQueue } from '../../src/main/runs/fair-queue'

describe('FairQueue', () => {
  it('takes runs in turn per group, so a short experiment queued after a long one is not held back', () => {
    const q = new FairQueue()
    for (let i = 1; i <= 6; i++) q.push(i, 'exp:search') // a search's trials
    for (let i = 101; i <= 104; i++) q.push(i, 'exp:lab2') // lab 2 started after it
    expect(q.order()).toEqual([1, 101, 2, 102, 3, 103, 4, 104, 5, 6])
    const taken: number[] = []
    for (let id = q.shift(); id !== undefined; id = q.shift()) taken.push(id)
    expect(taken).toEqual([1, 101, 2, 102, 3, 103, 4, 104, 5, 6])
    expect(q.size).toBe(0)
  })

  it('the group served least recently goes first: one that joins later is ahead of one just served', () => {
    const q = new FairQueue()
    q.push(1, 'a')
    q.push(2, 'a')
    q.push(3, 'a')
    expect(q.shift()).toBe(1) // a served
    q.push(10, 'b')
    q.push(20, 'c')
    expect(q.order()).toEqual([10, 20, 2, 3])
    expect([q.shift(), q.shift(), q.shift(), q.shift(), q.shift()]).toEqual([10, 20, 2, 3, undefined])
    // a group that comes back keeps its place by when it was last served
    q.push(30, 'c') // c served at 20's turn, before a's 2 and 3
    q.push(40, 'a')
    q.push(50, 'd') // never served: first
    expect(q.order()).toEqual([50, 30, 40])
  })

  it('removes queued runs (cancel) and drops empty groups from the rotation', () => {
    const q = new FairQueue()
    q.push(1, 'a')
    q.push(2, 'b')
    q.push(3, 'a')
    expect(q.remove(2)).toBe(true)
    expect(q.remove(2)).toBe(false)
    expect(q.has(2)).toBe(false)
    expect(q.order()).toEqual([1, 3])
    q.push(1, 'b') // already queued: ignored
    expect(q.size).toBe(2)
    expect([q.shift(), q.shift()]).toEqual([1, 3])
  })
})
