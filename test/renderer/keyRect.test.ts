/**
 * Lab 7's keyboard selection (useKeyRect): the rectangle it hands over is the pixel rectangle a
 * drag over the same part of the plot area gives. Type-checked with the renderer (tsconfig.web.json).
 */
import { describe, expect, it } from 'vitest'
import { useKeyRect } from '../../src/labs/random-search/ui/useKeyRect'
import type { PixelRect } from '../../src/labs/random-search/ui/useDragRect'

const AREA: PixelRect = { left: 50, top: 20, right: 450, bottom: 420 }

function setup(fullHeight = false) {
  const done: PixelRect[] = []
  const changes: string[] = []
  const k = useKeyRect({ area: () => AREA, fullHeight: () => fullHeight, onChange: (_r, why) => changes.push(why), onDone: (r) => done.push(r) })
  const press = (key: string, shiftKey = false) => {
    let prevented = false
    k.onKeydown({ key, shiftKey, preventDefault: () => (prevented = true) } as unknown as KeyboardEvent)
    return prevented
  }
  return { k, done, changes, press }
}

describe('useKeyRect', () => {
  it('Enter shows the middle half, Enter again hands it over in pixels', () => {
    const { k, done, press } = setup()
    expect(press('Enter')).toBe(true)
    expect(k.rect.value).toEqual({ left: 150, right: 350, top: 120, bottom: 320 })
    press('Enter')
    expect(done).toEqual([{ left: 150, right: 350, top: 120, bottom: 320 }])
    expect(k.rect.value).toBeNull()
  })

  it('arrows move it inside the area, Shift+arrows resize it, never below a twentieth', () => {
    const { k, press } = setup()
    press('Enter')
    for (let i = 0; i < 9; i++) press('ArrowLeft')
    expect(k.rect.value!.left).toBeCloseTo(50)
    expect(k.rect.value!.right).toBeCloseTo(250)
    for (let i = 0; i < 9; i++) press('ArrowUp')
    expect(k.rect.value!.top).toBeCloseTo(20)
    for (let i = 0; i < 20; i++) press('ArrowLeft', true)
    expect(k.rect.value!.right - k.rect.value!.left).toBeCloseTo(20)
    press('ArrowRight', true)
    expect(k.rect.value!.right - k.rect.value!.left).toBeCloseTo(40)
    press('ArrowDown', true)
    expect(k.rect.value!.bottom - k.rect.value!.top).toBeCloseTo(180)
  })

  it('Escape drops it without handing anything over; other keys pass', () => {
    const { k, done, changes, press } = setup()
    expect(press('ArrowLeft')).toBe(false)
    expect(press('a')).toBe(false)
    press('Enter')
    expect(press('Escape')).toBe(true)
    expect(k.rect.value).toBeNull()
    expect(done).toEqual([])
    expect(changes).toEqual(['start', 'cancel'])
    expect(press('Escape')).toBe(false)
  })

  it('spans the whole height on a slice (one searched range)', () => {
    const { k, press } = setup(true)
    press('Enter')
    press('ArrowDown', true)
    expect(k.rect.value).toMatchObject({ top: 20, bottom: 420 })
  })
})
