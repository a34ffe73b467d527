/**
 * The kernels' linear memory: [0, STATIC) the module's static data; [STATIC, arenaEnd) the arena
 * that `alloc` hands out (buffers the kernels then use in place); [arenaEnd, …) per-call scratch
 * for copies of operands that live on the JavaScript heap ("copy mode"). The scratch area grows
 * on demand; growing detaches every view of the old buffer, so once `alloc` has handed out a view
 * the memory never grows again, and a call that would need more scratch than was reserved gets
 * false from `begin` (its caller falls back to the TypeScript kernels: correct, only slower).
 */
import type { WasmMemory } from './runtime'

export const PAGE = 65536
export const ALIGN = 64
/** Bytes at the bottom of linear memory left to the module's static data (the tables of Math.exp and Math.log). */
export const STATIC = PAGE

export const align = (x: number): number => (x + ALIGN - 1) & ~(ALIGN - 1)

export class LinearMemory {
  private readonly arenaStart = STATIC
  private readonly arenaEnd: number
  private arenaTop = STATIC
  /** Set once alloc has handed out a view: the memory must not grow any more. */
  private frozen = false
  private buffer: ArrayBuffer
  private heap: Float32Array
  private bytes: Uint8Array
  private scratchTop: number

  constructor(
    private readonly memory: WasmMemory,
    arenaBytes: number,
  ) {
    this.arenaEnd = this.arenaStart + arenaBytes
    this.scratchTop = this.arenaEnd
    this.buffer = memory.buffer
    this.heap = new Float32Array(this.buffer)
    this.bytes = new Uint8Array(this.buffer)
  }

  /** Re-reads the buffer after a grow (every call starts with it). */
  refresh(): void {
    if (this.memory.buffer !== this.buffer) {
      this.buffer = this.memory.buffer
      this.heap = new Float32Array(this.buffer)
      this.bytes = new Uint8Array(this.buffer)
    }
  }

  /** Start a call's scratch: true when `bytes` more are addressable after the arena. */
  begin(bytes: number): boolean {
    this.scratchTop = this.arenaEnd
    return this.reserve(this.arenaEnd + bytes + ALIGN)
  }

  inMemory(x: Float32Array): boolean {
    return x.buffer === this.buffer
  }

  /** Scratch bytes `len` values of x need (0 when x is in the memory already). */
  bytesFor(x: Float32Array, len: number): number {
    return x.buffer === this.buffer ? 0 : align(len * 4)
  }

  /** Byte offset of `len` values of x in linear memory: x itself, or a scratch copy (filled when `copy`). */
  place(x: Float32Array, len: number, copy: boolean): number {
    if (x.buffer === this.buffer) return x.byteOffset
    const off = this.scratchTop
    this.scratchTop = align(off + len * 4)
    if (copy) this.heap.set(len === x.length ? x : x.subarray(0, len), off >> 2)
    return off
  }

  /** Byte offset of the first `len` labels in linear memory (always a scratch copy: labels are small). */
  placeBytes(x: Uint8Array, len: number): number {
    const off = this.scratchTop
    this.scratchTop = align(off + len)
    this.bytes.set(len === x.length ? x : x.subarray(0, len), off)
    return off
  }

  takeScratch(bytes: number): number {
    const off = this.scratchTop
    this.scratchTop = align(off + bytes)
    return off
  }

  /** Copies a result placed at `off` back to c, unless c is in the memory (then it is already there). */
  copyOut(c: Float32Array, off: number, len: number): void {
    if (c.buffer !== this.buffer) c.set(this.heap.subarray(off >> 2, (off >> 2) + len))
  }

  /** A zeroed view of `length` values in the arena, or null when the arena is full. */
  alloc(length: number): Float32Array | null {
    if (!(Number.isInteger(length) && length >= 0)) throw new Error(`alloc: length must be a whole number ≥ 0, got ${length}`)
    const off = this.arenaTop
    const end = align(off + length * 4)
    if (end > this.arenaEnd) return null
    this.refresh()
    this.arenaTop = end
    this.frozen = true
    const view = new Float32Array(this.buffer, off, length)
    view.fill(0)
    return view
  }

  mark(): number {
    return this.arenaTop
  }

  release(m: number): void {
    if (!(Number.isInteger(m) && m >= this.arenaStart && m <= this.arenaTop)) {
      throw new Error(`release: ${m} is not a mark of this arena (${this.arenaStart}…${this.arenaTop})`)
    }
    this.arenaTop = m
  }

  byteLength(): number {
    return this.memory.buffer.byteLength
  }

  /** Make sure [0, end) is addressable; false when that would need a grow we must not do. */
  private reserve(end: number): boolean {
    const have = this.memory.buffer.byteLength
    if (end <= have) return true
    if (this.frozen) return false
    try {
      this.memory.grow(Math.ceil((end - have) / PAGE))
    } catch {
      return false
    }
    this.refresh()
    return true
  }
}
