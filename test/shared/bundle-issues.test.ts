/** A bad bundle's schema problems, with field paths, in English (as the backend says them) and in Korean. */
import { describe, expect, it } from 'vitest'
import { bundleIssues, koPath } from '../../src/shared/bundle-issues'
import { checkBundle } from '../../src/main/store/bundle'

const odd = { format: 'gradient-lab-bundle', version: 1, exportedAt: 'now', experiments: [{ experiment: { id: 'one' }, runs: [] }] }

describe('bundle issues per language', () => {
  it('says the same as the backend in English', () => {
    const en = bundleIssues(odd, 'en')
    expect(() => checkBundle(odd)).toThrow(`not a valid Gradient Lab bundle: ${en[0]}`)
    expect(en[0]).toMatch(/^experiments\.0\.experiment\.id: Invalid input: expected number, received string/)
  })

  it('names the collections and words the messages in Korean', () => {
    const ko = bundleIssues(odd, 'ko')
    expect(ko[0]).toBe('실험 1 › experiment › id: 잘못된 입력: 예상 타입은 number, 받은 타입은 string입니다')
    expect(ko.every((m) => /[가-힣]/.test(m))).toBe(true)
    expect(koPath(['experiments', 2, 'runs', 0, 'series', 4, 'values', 7])).toBe('실험 3 › 실행 1 › 계열 5 › values › 8번째')
  })

  it('has nothing to say about a valid bundle', () => {
    expect(bundleIssues({ format: 'gradient-lab-bundle', version: 1, exportedAt: 'now', experiments: [] }, 'ko')).toEqual([])
  })
})
